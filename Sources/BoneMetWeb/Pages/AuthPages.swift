import BoneMetDomain
import Plot

struct LoginPage {
    var username = ""
    var error: LocalizedText?
    let formToken: String

    func render(_ layout: Layout) -> String {
        let language = layout.language
        return layout.render(
            title: UIText.signIn(language),
            .div(
                .class("narrow"),
                .h1(.text(UIText.signIn(language))),
                .unwrap(error) { .p(.class("alert"), .text($0(language))) },
                .form(
                    .action("/login"), .method(.post),
                    .input(.type(.hidden), .name("_csrf"), .value(formToken)),
                    .label(.text(UIText.username(language)), .input(.type(.text), .name("username"), .typedValue(username), .autofocus(true), .required(true))),
                    .label(.text(UIText.password(language)), .input(.type(.password), .name("password"), .required(true))),
                    .button(.type(.submit), .text(UIText.signIn(language)))
                )
            ))
    }
}

struct PasswordPage {
    var error: LocalizedText?
    let mustChange: Bool

    func render(_ layout: Layout) -> String {
        let language = layout.language
        return layout.render(
            title: UIText.changePassword(language),
            .div(
                .class("narrow"),
                .h1(.text(UIText.changePassword(language))),
                .if(mustChange, .p(.class("notice"), .text(UIText.mustChange(language)))),
                .unwrap(error) { .p(.class("alert"), .text($0(language))) },
                .form(
                    .action("/password"), .method(.post), csrfField(layout.csrf),
                    .label(.text(UIText.currentPassword(language)), .input(.type(.password), .name("current"), .required(true))),
                    .label(.text(UIText.newPassword(language)), .input(.type(.password), .name("new"), .required(true))),
                    .label(.text(UIText.repeatPassword(language)), .input(.type(.password), .name("repeat"), .required(true))),
                    .button(.type(.submit), .text(UIText.save(language)))
                )
            ))
    }
}
