import { t3CellId } from '../formats.ts';
import { TABLE_NAMES } from '../labels.ts';
import { cellValue, defineRule } from '../checks/rule.ts';
import { s6MentionsFee } from '../checks/s6-fee.ts';

/** Fee notices counted in 表三 (逾期未缴费) mean fees were charged: 六 must speak of them. */
const rule = defineRule({
  id: 's6.fee_vs_t3',
  severity: 'warning',
  table: 't3',
  title: { zh: '表三有“逾期未缴费”时，第六部分应说明信息处理费', en: 'Fee notices in table 3 are explained in section 6' },
  explanation: {
    zh: '表三（六）其他处理第 2 行“申请人逾期未按收费通知要求缴纳费用”大于 0，说明本年发出过收费通知，第六部分应说明信息处理费的收取情况。',
    en: 'When table 3 counts applications dropped for unpaid fee notices, fees were charged, and section 6 must report them.',
  },
  check(report) {
    const id = t3CellId('other_no_fee', 'total');
    const cells = [id];
    if (report.format !== '2021') return [{ cells, status: 'skip', message: '2019 年格式的报告无此项', messageEn: 'The 2019 format has no such row' }];
    const fee = cellValue(report, id);
    if (!fee.known) return [{ cells, status: 'skip', message: `未读到${TABLE_NAMES.t3.zh}“逾期未缴费”一行`, messageEn: `${TABLE_NAMES.t3.en}’s row for unpaid fees was not read` }];
    if (fee.value <= 0) return [{ cells, status: 'pass', message: '本年没有因逾期未缴费而不再处理的申请', messageEn: 'No application was dropped for unpaid fees this year' }];
    const mentions = s6MentionsFee(report);
    if (mentions) {
      return [{ cells, status: 'pass', message: `${TABLE_NAMES.t3.zh}有 ${fee.value} 件逾期未缴费，第六部分已说明信息处理费`, messageEn: `${TABLE_NAMES.t3.en} counts ${fee.value} unpaid fee notices and section 6 states the fees` }];
    }
    return [{
      cells, status: 'fail', expected: '说明信息处理费', actual: '未提及',
      message: `${TABLE_NAMES.t3.zh}有 ${fee.value} 件逾期未缴费（发过收费通知），第六部分却没有说明信息处理费`,
      messageEn: `${TABLE_NAMES.t3.en} counts ${fee.value} unpaid fee notices (fees were charged), but section 6 does not mention information-processing fees`,
    }];
  },
});
export default rule;
