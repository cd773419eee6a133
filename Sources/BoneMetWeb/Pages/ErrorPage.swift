import BoneMetDomain
import Plot

struct ErrorPage {
    let status: Int
    let message: LocalizedText
    let requestId: String

    func render(_ layout: Layout) -> String {
        let language = layout.language
        return layout.render(
            title: UIText.errorTitle(language),
            .div(
                .class("error"),
                .h1(.text("\(UIText.errorTitle(language)) \(status)")),
                .p(.text(message(language))),
                .p(.class("muted"), .text("\(language == .zhHans ? "请求编号" : "request id")\(language == .zhHans ? "：" : ": ")\(requestId)"))
            ))
    }
}
