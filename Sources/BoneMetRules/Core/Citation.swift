/// A literature source a rule cites. Journal references are cited as published, the same in
/// both languages; a Chinese source (the source hospital's MDT talk) has its Chinese citation,
/// shown on Chinese pages.
public struct Citation: Sendable, Hashable, Codable {
    public let id: String
    public let text: String
    public let zhHans: String?

    public init(id: String, text: String, zh: String? = nil) {
        self.id = id
        self.text = text
        self.zhHans = zh
    }

    /// The citation as a reader of this language sees it.
    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .en: text
        case .zhHans: zhHans ?? text
        }
    }

    /// Sources as one line: "a; b".
    public static func line(_ sources: [Citation], _ language: Language) -> String {
        sources.map { $0(language) }.joined(separator: "; ")
    }
}

/// Every source the rules cite, from ../shared/clinical/reference.md.
public enum Sources {
    public static let mirels1989 = Citation(
        id: "mirels1989", text: "Mirels H. Clin Orthop Relat Res 1989;(249):256-264")
    public static let damron2003 = Citation(
        id: "damron2003", text: "Damron TA et al. Clin Orthop Relat Res 2003 (critical evaluation of Mirels rating: sensitivity 91 %, specificity 35 % at ≥ 9)")
    public static let evans2008 = Citation(
        id: "evans2008", text: "Evans AR et al. Clin Orthop Relat Res 2008 (Mirels rating for humerus lesions)")
    public static let fisher2010 = Citation(
        id: "fisher2010", text: "Fisher CG et al. Spine 2010;35:E1221-9")
    public static let fourney2011 = Citation(
        id: "fourney2011", text: "Fourney DR et al. J Clin Oncol 2011;29:3072-7")
    public static let bilsky2010 = Citation(
        id: "bilsky2010", text: "Bilsky MH et al. J Neurosurg Spine 2010;13:324-8")
    public static let laufer2013 = Citation(
        id: "laufer2013", text: "Laufer I et al. Oncologist 2013;18:744-51 (NOMS)")
    public static let tokuhashi2005 = Citation(
        id: "tokuhashi2005", text: "Tokuhashi Y et al. Spine 2005;30:2186-91")
    public static let tomita2001 = Citation(
        id: "tomita2001", text: "Tomita K et al. Spine 2001;26:298-306")
    public static let katagiri2014 = Citation(
        id: "katagiri2014", text: "Katagiri H et al. Cancer Med 2014;3:1359-67")
    public static let cockcroftGault1976 = Citation(
        id: "cockcroftGault1976", text: "Cockcroft DW, Gault MH. Nephron 1976;16:31-41")
    public static let zometaLabel = Citation(
        id: "zometaLabel", text: "Zometa (zoledronic acid) prescribing information: dose by baseline creatinine clearance; renal monitoring before each dose", zh: "择泰（唑来膦酸）说明书：按基线肌酐清除率给药；每次给药前监测肾功能")
    public static let stopeck2010 = Citation(
        id: "stopeck2010", text: "Stopeck AT et al. J Clin Oncol 2010;28:5132-9")
    public static let himelstein2017 = Citation(
        id: "himelstein2017", text: "Himelstein AL et al. JAMA 2017;317:48-58 (CALGB 70604)")
}
