import Foundation
import BoneMetDomain
import Hummingbird

/// Chooses the page language: the `lang` cookie when set (the switch in the header), else
/// Chinese when the browser asks for it, else English.
struct LanguageMiddleware: RouterMiddleware {
    /// The hospital's time zone, given to every page with the language.
    var clock = HospitalClock.utc

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        context.language = Self.language(cookie: request.cookies["lang"]?.value, acceptLanguage: request.headers[.acceptLanguage])
        if request.method == .get { context.path = request.uri.path }
        context.clock = clock
        return try await next(request, context)
    }

    static func language(cookie: String?, acceptLanguage: String?) -> AppLanguage {
        if let cookie, let language = Language(code: cookie) { return language }
        let preferred = (acceptLanguage ?? "").split(separator: ",").map { $0.split(separator: ";").first.map(String.init) ?? "" }
        for code in preferred {
            if let language = Language(code: code.trimmingCharacters(in: .whitespaces)) { return language }
        }
        return .en
    }
}
