import { FORMAT_DOC_NO, formatForYear } from '../formats.ts';
import { defineRule } from '../checks/rule.ts';

/** Reports for 2021 onward must use the 2021 format (国办公开办函〔2021〕30号). */
const rule = defineRule({
  id: 'format.outdated',
  severity: 'error',
  title: { zh: '使用现行表格格式', en: 'Uses the current table format' },
  explanation: {
    zh: '2021 年度起的报告应使用国办公开办函〔2021〕30号规定的格式（表二“本年制发件数/本年废止件数/现行有效件数”，表三“（六）其他处理”分三行等）。仍使用 2019 年格式（“本年新制作数量”“上一年项目数量”“政府集中采购”等）的，格式已过时。',
    en: 'Reports for 2021 onward must use the 2021 format; tables still in the 2019 format (本年新制作数量, 上一年项目数量, 政府集中采购 …) are outdated.',
  },
  check(report) {
    const { year, format, formatSource } = report.detection;
    if (year === null || format === 'unknown' || formatSource !== 'tables') {
      return [{ status: 'skip', message: '未能从表格判断所用格式', messageEn: 'The tables do not tell which format they use' }];
    }
    const required = formatForYear(year);
    if (format === '2019' && required === '2021') {
      return [{
        status: 'fail', expected: '2021', actual: '2019',
        message: `${year} 年度报告仍使用 2019 年格式（${FORMAT_DOC_NO['2019']}），应使用 ${FORMAT_DOC_NO['2021']} 格式`,
        messageEn: `A report for ${year} still uses the 2019 format; it must use the 2021 format (${FORMAT_DOC_NO['2021']})`,
      }];
    }
    return [{ status: 'pass', message: `${year} 年度报告使用 ${FORMAT_DOC_NO[format]} 格式`, messageEn: `The report for ${year} uses the ${format} format` }];
  },
});
export default rule;
