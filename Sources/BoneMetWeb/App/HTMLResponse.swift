import Hummingbird
import NIOCore

/// A text body with a content type, never cached (pages and API answers carry patient data).
func textResponse(_ text: String, contentType: String, status: HTTPResponse.Status) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = contentType
    headers[.cacheControl] = "no-store"
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
}

/// An HTML page as a response.
struct HTMLPage: ResponseGenerator {
    let html: String
    var status: HTTPResponse.Status = .ok

    func response(from request: Request, context: some RequestContext) throws -> Response {
        textResponse(html, contentType: "text/html; charset=utf-8", status: status)
    }
}

/// A JSON value as a response.
struct JSONResponse: ResponseGenerator {
    let value: String
    var status: HTTPResponse.Status = .ok

    func response(from request: Request, context: some RequestContext) throws -> Response {
        textResponse(value, contentType: "application/json; charset=utf-8", status: status)
    }
}

extension Response {
    /// 303 See Other: after a form post, the browser loads the target with GET.
    static func seeOther(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}
