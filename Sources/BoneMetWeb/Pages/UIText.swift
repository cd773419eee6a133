import BoneMetDomain

/// Every text of the web pages, in both languages (tested for completeness).
enum UIText {
    static let appName = LocalizedText(en: "BoneMet", zh: "BoneMet 骨转移 MDT")
    static let cases = LocalizedText(en: "Patients", zh: "患者")
    static let worklists = LocalizedText(en: "Worklists", zh: "工作清单")
    static let signIn = LocalizedText(en: "Sign in", zh: "登录")
    static let signOut = LocalizedText(en: "Sign out", zh: "退出")
    static let username = LocalizedText(en: "User name", zh: "用户名")
    static let password = LocalizedText(en: "Password", zh: "密码")
    static let badLogin = LocalizedText(en: "User name or password is wrong.", zh: "用户名或密码错误。")
    static let changePassword = LocalizedText(en: "Change password", zh: "修改密码")
    static let mustChange = LocalizedText(en: "Choose your own password before you continue.", zh: "继续之前请设置您自己的密码。")
    static let currentPassword = LocalizedText(en: "Current password", zh: "当前密码")
    static let newPassword = LocalizedText(en: "New password (at least 12 characters)", zh: "新密码（至少 12 个字符）")
    static let repeatPassword = LocalizedText(en: "Repeat the new password", zh: "再次输入新密码")
    static let passwordTooShort = LocalizedText(en: "The new password must have at least 12 characters.", zh: "新密码至少需要 12 个字符。")
    static let passwordTooLong = LocalizedText(
        en: "The new password is too long: at most 72 bytes (about 72 Latin letters or 24 Chinese characters).",
        zh: "新密码过长：最多 72 字节（约 72 个英文字母或 24 个汉字）。")
    static let passwordMismatch = LocalizedText(en: "The two new passwords differ.", zh: "两次输入的新密码不一致。")
    static let save = LocalizedText(en: "Save", zh: "保存")
    static let search = LocalizedText(en: "Search by patient id", zh: "按患者编号搜索")
    static let openExistingCase = LocalizedText(en: "Open the existing case", zh: "打开已有病例")
    static let newCase = LocalizedText(en: "New case", zh: "新建病例")
    static let patient = LocalizedText(en: "Patient", zh: "患者")
    static let updated = LocalizedText(en: "Updated", zh: "更新时间")
    static let urgent = LocalizedText(en: "Urgent", zh: "紧急")
    static let warnings = LocalizedText(en: "Warnings", zh: "警示")
    static let noCases = LocalizedText(en: "No cases yet.", zh: "暂无病例。")
    static let fictional = LocalizedText(en: "FICTIONAL", zh: "虚构")
    static let caseJSON = LocalizedText(en: "Case record (JSON, see docs/case-format.md)", zh: "病例记录（JSON，见 docs/case-format.md）")
    static let createCase = LocalizedText(en: "Create and assess", zh: "创建并评估")
    static let saveCase = LocalizedText(en: "Save and re-assess", zh: "保存并重新评估")
    static let editRecord = LocalizedText(en: "Edit the record", zh: "编辑病例记录")
    static let version = LocalizedText(en: "version", zh: "版本")
    static let rules = LocalizedText(en: "rules", zh: "规则集")
    static let ruleSettings = LocalizedText(en: "Rule settings", zh: "规则设置")
    static let asOf = LocalizedText(en: "assessed as of", zh: "评估日期")
    static let specialty = LocalizedText(en: "Responsible", zh: "负责科室")
    static let source = LocalizedText(en: "Source", zh: "来源")
    /// ": " after a label, "：" in Chinese.
    static func colon(_ language: AppLanguage) -> String { language == .zhHans ? "：" : ": " }
    static let none = LocalizedText(en: "No findings.", zh: "无结论。")
    static let upToDate = LocalizedText(en: "Every case re-assessed for today:", zh: "全部病例已按今日重新评估：")
    static let assessedOnWrite = LocalizedText(
        en: "Findings as of each case's last change (the daily re-assessment has not run yet).", zh: "各病例的结论截至其最近一次修改（每日重新评估尚未运行）。")
    static let errorTitle = LocalizedText(en: "Error", zh: "错误")
    static let fixFields = LocalizedText(en: "Fix these fields; what you typed is kept below.", zh: "请修改以下字段；您输入的内容保留在下方。")
    static let worklistEmpty = LocalizedText(en: "Nothing on this worklist.", zh: "此工作清单为空。")
    static let previous = LocalizedText(en: "Previous", zh: "上一页")
    static let next = LocalizedText(en: "Next", zh: "下一页")
    static let firstPage = LocalizedText(en: "First page", zh: "第一页")
    static let switchLanguage = LocalizedText(en: "中文", zh: "English")
    static let demoNote = LocalizedText(
        en: "Decision support for the MDT: findings inform clinicians, who decide. Demo cases are fictional.",
        zh: "MDT 决策支持：结论供临床医生参考，由医生决策。演示病例均为虚构。")

    static let all: [LocalizedText] = [
        appName, cases, worklists, signIn, signOut, username, password, badLogin, changePassword, mustChange, currentPassword,
        newPassword, repeatPassword, passwordTooShort, passwordTooLong, passwordMismatch, save, search, newCase, patient, updated, urgent, warnings,
        upToDate, assessedOnWrite, noCases, fictional, caseJSON, createCase, saveCase, editRecord, version, asOf, specialty, source, none, errorTitle,
        fixFields, worklistEmpty, previous, next, demoNote, openExistingCase,
    ]
}

enum ImagingTexts {
    static let studies = LocalizedText(en: "Imaging studies", zh: "影像检查")
    static let open = LocalizedText(en: "Open in viewer", zh: "在阅片器中打开")
    static let withPrior = LocalizedText(en: "With prior, side by side", zh: "与前次对比")
    /// A study dated after the day assessed is read by no finding until then (a date typed a year
    /// ahead hid a follow-up X-ray — unseen record cb39-j); the assessment stays what it was on its
    /// day, so the page, not a finding, says so.
    static let datedLater = LocalizedText(
        en: "Dated after the assessment's day: not read yet — if the date was typed wrong, correct it",
        zh: "日期晚于评估日：尚未纳入评估——如日期录入有误请更正")
    static let all = [studies, open, withPrior, datedLater]
}

/// The page texts, public for the bilingual test.
public enum UITextCatalogue {
    public static var all: [LocalizedText] { UIText.all + ImagingTexts.all + RecordTexts.all + RecordSection.all.map(\.title) + [RecordSection.observations] + CalculatorTexts.all + MeetingTexts.all + AdminTexts.all + TimelineTexts.all + TaskTexts.all + GuidedTexts.all + CalculatorFormula.all + [UIText.switchLanguage] + Worklists.all.map(\.title) + Role.allCases.map(\.label) + ReportTexts.all }
}
