import BoneMetDomain
import Hummingbird

/// An error shown to the user: a status and a bilingual message, never an internal
/// description, never patient data. API responses carry `errors` with field paths.
public struct AppError: Error, Sendable {
    public let status: HTTPResponse.Status
    public let message: LocalizedText
    public let fieldErrors: [InputError]
    /// Seconds for a `Retry-After` header (503 under overload).
    public let retryAfter: Int?
    /// The case that already exists (409 on creating a second case for one patient).
    public var existingCase: String?
    /// The case the user is not on the care team of (403): its page offers "break the glass".
    public var breakGlassCase: String?

    public init(_ status: HTTPResponse.Status, _ message: LocalizedText, fieldErrors: [InputError] = [], retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.fieldErrors = fieldErrors
        self.retryAfter = retryAfter
    }

    static let unauthorized = AppError(.unauthorized, LocalizedText(en: "Please sign in.", zh: "请先登录。"))
    static let forbidden = AppError(.forbidden, LocalizedText(en: "Your role may not do this.", zh: "您的角色无权执行此操作。"))
    static let csrf = AppError(.forbidden, LocalizedText(en: "The form expired or was not sent from BoneMet (CSRF check). Reload the page and try again.", zh: "表单已过期或并非来自 BoneMet（CSRF 校验）。请刷新页面后重试。"))
    static let notFound = AppError(.notFound, LocalizedText(en: "Not found.", zh: "未找到。"))
    static func tooManyAttempts(wait seconds: Int64) -> AppError {
        AppError(.tooManyRequests, LocalizedText(
            en: "Too many failed sign-ins for this account. Try again in \(seconds) seconds.",
            zh: "该账号登录失败次数过多。请 \(seconds) 秒后再试。"), retryAfter: Int(seconds))
    }

    static func patientExists(caseId: String) -> AppError {
        var error = AppError(.conflict, LocalizedText(
            en: "This patient already has a case; nothing was saved. Open the existing case and add to it.",
            zh: "该患者已有病例；未保存任何内容。请打开已有病例并在其中补充。"))
        error.existingCase = caseId
        return error
    }

    static func notOnCareTeam(caseId: String) -> AppError {
        var error = AppError(.forbidden, LocalizedText(
            en: "You are not on this patient's care team. Ask a member of the team or the MDT coordinator to add you; in an emergency, open the record below with a reason (recorded in the audit log).",
            zh: "您不在该患者的诊疗团队中。请让团队成员或 MDT 协调员将您加入；紧急情况下，可在下方填写理由后打开病历（将记入审计日志）。"))
        error.breakGlassCase = caseId
        return error
    }

    static let notAttending = AppError(.forbidden, LocalizedText(
        en: "This MDT meeting's agenda is open to its attendees, the colleague who scheduled it and MDT coordinators. Ask the coordinator to add you as an attendee.",
        zh: "该 MDT 会议议程仅对参会者、安排会议的同事和 MDT 协调员开放。请让协调员将您加为参会者。"))

    static let busy = AppError(.serviceUnavailable, LocalizedText(
        en: "BoneMet is very busy just now. Nothing was changed; try again in 5 seconds.",
        zh: "BoneMet 当前非常繁忙。未做任何更改；请 5 秒后重试。"), retryAfter: 5)

    static func overloaded(retryAfter: Int) -> AppError {
        AppError(.serviceUnavailable, LocalizedText(
            en: "BoneMet is busy signing other people in. Nothing was changed; try again in \(retryAfter) seconds.",
            zh: "BoneMet 正忙于处理其他用户的登录。未做任何更改；请 \(retryAfter) 秒后重试。"), retryAfter: retryAfter)
    }

    static func tooLarge(limit: Int) -> AppError {
        AppError(.contentTooLarge, LocalizedText(
            en: "The request is larger than \(limit / (1024 * 1024)) MB; nothing was saved.",
            zh: "请求超过 \(limit / (1024 * 1024)) MB；未保存任何内容。"))
    }

    static func notUTF8(field: String?) -> AppError {
        let en = field.map { "The field \($0) is not valid UTF-8 text; nothing was saved." } ?? "The request is not valid UTF-8 text; nothing was saved."
        let zh = field.map { "字段 \($0) 不是有效的 UTF-8 文本；未保存任何内容。" } ?? "请求不是有效的 UTF-8 文本；未保存任何内容。"
        return AppError(.badRequest, LocalizedText(en: en, zh: zh))
    }

    static func invalid(_ errors: [InputError]) -> AppError {
        AppError(.unprocessableContent, LocalizedText(en: "The case has errors; nothing was saved.", zh: "病例有错误；未保存任何内容。"), fieldErrors: errors)
    }

    static func conflict(current: Int) -> AppError {
        AppError(.conflict, LocalizedText(
            en: "Someone saved this case since you opened it (now version \(current)). Your text is kept below: reload the case and apply your change again.",
            zh: "您打开此病例后已有人保存（当前版本 \(current)）。您输入的内容保留在下方：请重新加载病例后再修改。"))
    }
}
