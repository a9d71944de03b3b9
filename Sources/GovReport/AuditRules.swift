import GovLanguage

/// The codes of the checks that read a report as it was published: its text against its tables (C1, C2,
/// C5, C6) and the quality checks evaluators apply (Q1–Q5). Like the rule table, one place says what each
/// code means, how severe it is, and where the requirement comes from.
package struct AuditRule: Sendable {
    package let id: String
    /// The usual severity; text findings are errors only when the clause is unambiguous.
    package let severity: Severity
    package let title: String
    package let source: String
}

package enum AuditRules {
    package static let rules: [AuditRule] = [
        AuditRule(
            id: "C1", severity: .error, title: "正文中的件数与表格一致",
            source: "consistency-rules.md §4 C1; 条例第五十条（年度报告应包括收到和处理申请、复议诉讼的情况）"),
        AuditRule(id: "C2", severity: .error, title: "正文中的百分比与表格算得的比例一致", source: "consistency-rules.md §4 C2"),
        AuditRule(id: "C5", severity: .error, title: "正文引用的主动公开表数字与表一一致", source: "consistency-rules.md §4 C5"),
        AuditRule(id: "C6", severity: .warning, title: "正文与表格说的是同一范围（本机关与全辖区）", source: "consistency-rules.md §4 C6"),
        AuditRule(
            id: "Q1", severity: .warning, title: "年度报告在法定期限内公布",
            source: "条例第四十九条：部门 1月31日前，县级以上人民政府（由主管部门）3月31日前"),
        AuditRule(
            id: "Q2", severity: .warning, title: "正文不照搬上一年度报告",
            source: "国办公开办函〔2021〕30号：发布内容不准确不全面或者内容雷同、敷衍塞责的，依照条例第四十七条追责"),
        AuditRule(
            id: "Q3", severity: .warning, title: "正文中的年份是报告年度、上一年度或发布年度",
            source: "条例第四十九条（报告上一年度的工作）；统计期限为报告年度 1月1日至12月31日"),
        AuditRule(
            id: "Q4", severity: .warning, title: "第五部分既写存在的主要问题，也写改进情况",
            source: "条例第五十条第（四）项：政府信息公开工作存在的主要问题及改进情况"),
        AuditRule(
            id: "Q5", severity: .warning, title: "2021 格式第六部分说明信息处理费的收取情况",
            source: "国办公开办函〔2021〕30号 年度报告格式 六、其他需要报告的事项（含收取信息处理费的情况）"),
    ]

    package static func rule(_ id: String) -> AuditRule? { rules.first { $0.id == id } }
}
