import { SECTIONS } from '../formats.ts';
import { defineRule } from '../checks/rule.ts';

const ORDINAL_EN = ['1', '2', '3', '4', '5', '6'];

/** The six parts of the official format, each under its heading, in order. */
const rule = defineRule({
  id: 'sections.present',
  severity: 'error',
  title: { zh: '六个部分齐全且顺序正确', en: 'All six sections present, in order' },
  explanation: {
    zh: '年度报告应依次包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。',
    en: 'A report has six sections in this order: overview; proactive disclosure; applications; review and litigation; problems and improvements; other matters.',
  },
  check(report) {
    const found = report.sections;
    const missing = SECTIONS.filter((s) => !found.some((f) => f.id === s.id));
    const order = found.map((f) => f.id).join();
    // Plain code-unit order of s1…s6 (localeCompare would load a collator: 15 ms, cold).
    const sorted = found.map((f) => f.id).sort().join();
    const en = (id: string) => {
      const i = SECTIONS.findIndex((s) => s.id === id);
      return `${ORDINAL_EN[i]}. ${SECTIONS[i].en}`;
    };
    if (missing.length) {
      return [{
        status: 'fail', expected: 6, actual: found.length,
        message: `缺少：${missing.map((s) => `${s.ordinal}、${s.title}`).join('；')}`,
        messageEn: `Missing: ${missing.map((s) => en(s.id)).join('; ')}`,
      }];
    }
    if (order !== sorted) {
      return [{
        status: 'fail',
        message: `六个部分的顺序不对：${found.map((f) => f.ordinal).join('、')}`,
        messageEn: `The six sections are out of order: ${found.map((f) => ORDINAL_EN[SECTIONS.findIndex((s) => s.id === f.id)]).join(', ')}`,
      }];
    }
    return [{ status: 'pass', message: '六个部分齐全，顺序正确', messageEn: 'All six sections are present, in order' }];
  },
});
export default rule;
