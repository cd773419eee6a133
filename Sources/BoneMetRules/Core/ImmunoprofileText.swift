/// The organs a metastasis's immunohistochemistry points to, as pathology writes it in the
/// biopsy's text: "转移性腺癌，TTF-1(+)，NapsinA(+)，GATA3(-)". An adenocarcinoma names no organ;
/// its site-specific markers do (Conner JR, Hornick JL. Metastatic carcinoma of unknown primary:
/// diagnostic approach using immunohistochemistry. Adv Anat Pathol 2015;22:149-67; Selves J et
/// al. Immunohistochemistry for diagnosis of metastatic carcinomas of unknown primary site.
/// Cancers 2018;10:108). Only positive markers are read, each with every organ it is positive
/// in — TTF-1 is the lung's and the thyroid's, GATA3 the breast's and the bladder's — so that a
/// marker never excludes an organ it can come from. A negative marker lowers a probability and
/// settles nothing. Lineage markers shared by many organs (CK7, CK20, p40, p63, CK5/6, S100)
/// are not read.
public enum ImmunoprofileText {
    static let markers: [(Set<PrimarySite>?, [[Unicode.Scalar]])] = [
        ([.lung, .thyroid], ["ttf-1", "ttf1", "ttf 1"]),
        ([.lung, .kidney], ["napsin a", "napsina", "napsin-a", "napsin"]),
        ([.breast, .bladder], ["gata3", "gata-3", "gata 3"]),
        ([.breast], ["mammaglobin", "gcdfp-15", "gcdfp15", "gcdfp"]),
        // ER/PR: breast and the endometrium (uterus) among the sites recorded.
        ([.breast, .uterus], ["雌激素受体", "孕激素受体", "er", "pr", "pgr"]),
        ([.prostate], ["nkx3.1", "nkx3-1", "nkx 3.1", "psap", "psa"]),
        ([.colon, .rectum, .stomach, .pancreas, .esophagus, .gallbladder], ["cdx2", "cdx-2"]),
        ([.colon, .rectum], ["satb2"]),
        ([.kidney, .thyroid, .uterus], ["pax8", "pax-8"]),
        ([.thyroid], ["thyroglobulin", "甲状腺球蛋白"]),
        ([.liver], ["hep par-1", "heppar-1", "heppar1", "hep par 1", "arginase-1", "arginase 1", "arg-1"]),
        ([.bladder], ["uroplakin"]),
        ([.melanoma], ["melan-a", "melan a", "hmb-45", "hmb45"]),
        // Read so that they end the window of the marker before them.
        (nil, ["her2", "her-2", "ki67", "ki-67", "ck7", "ck20", "p40", "p63", "cdx", "s100", "s-100", "sox10"]),
    ].map { ($0.0, $0.1.map { Array($0.unicodeScalars) }) }

    /// The organs every positive site-specific marker of the text may come from (empty: none
    /// read). A text positive for markers of two organs gives both.
    /// The organs all the positive site-specific markers can come from, when there are such
    /// organs (TTF-1 and napsin A: the lung; TTF-1, thyroglobulin and PAX8: the thyroid); when the
    /// markers agree on none (an aberrant expression), every organ any of them names — no organ a
    /// marker can come from is excluded by a disagreement (Conner & Hornick 2015: the panel is
    /// read as a pattern).
    public static func consistentOrgans(in text: String) -> Set<PrimarySite> {
        let scalars = Array(ReceptorText.normalised(text).unicodeScalars)
        let positive = ReceptorText.markerReadings(markers, in: scalars).filter { $0.status == .positive }.map(\.marker)
        guard let first = positive.first else { return [] }
        let common = positive.dropFirst().reduce(first) { $0.intersection($1) }
        return common.isEmpty ? positive.reduce(into: []) { $0.formUnion($1) } : common
    }

    public static func organs(in text: String) -> Set<PrimarySite> {
        let scalars = Array(ReceptorText.normalised(text).unicodeScalars)
        return ReceptorText.markerReadings(markers, in: scalars).reduce(into: []) { organs, reading in
            if reading.status == .positive { organs.formUnion(reading.marker) }
        }
    }
}
