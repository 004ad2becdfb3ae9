import { defineContentScript } from 'wxt/utils/define-content-script';
export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  main() {
    console.log('年报校验');
  },
});
