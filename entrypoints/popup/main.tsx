document.getElementById("app")!.textContent = "年报校验";
