import BoneMetRules
import Foundation

/// Suggestions in clinical words, Chinese or English: the site, each reading with how the
/// report states it, and the words it came from in 「」.
public enum ExtractionText {
    public static let fields: [String: LocalizedText] = [
        "lesion": LocalizedText(en: "lesion", zh: "病灶"),
        "character": LocalizedText(en: "character", zh: "性质"),
        "diametersMm": LocalizedText(en: "size (mm)", zh: "大小（mm）"),
        "softTissueMm": LocalizedText(en: "soft-tissue mass (mm)", zh: "软组织肿块（mm）"),
        "destruction": LocalizedText(en: "bone destruction", zh: "骨质破坏"),
        "rim": LocalizedText(en: "sclerotic rim", zh: "硬化边"),
        "softTissue": LocalizedText(en: "soft-tissue mass", zh: "软组织肿块"),
        "fracture": LocalizedText(en: "pathological fracture", zh: "病理性骨折"),
        "collapse": LocalizedText(en: "vertebral collapse", zh: "椎体压缩"),
        "alignment": LocalizedText(en: "alignment", zh: "脊柱序列"),
        "posterolateral": LocalizedText(en: "posterolateral elements", zh: "后外侧附件"),
        "escc": LocalizedText(en: "epidural compression (ESCC)", zh: "硬膜外脊髓压迫（ESCC）"),
        "uptake": LocalizedText(en: "tracer uptake", zh: "示踪剂摄取"),
        "fillIn": LocalizedText(en: "sclerotic fill-in", zh: "成骨修复"),
        "comparison": LocalizedText(en: "compared with prior", zh: "与前片比较"),
        "fractionOfDiameter": LocalizedText(en: "fraction of the bone's diameter", zh: "占骨直径比例"),
        "mirelsSize": LocalizedText(en: "size (Mirels)", zh: "大小分级（Mirels）"),
        "epiphyseal": LocalizedText(en: "in the epiphysis", zh: "位于骨骺"),
        "eccentric": LocalizedText(en: "eccentric", zh: "偏心性"),
    ]

    public static let values: [String: LocalizedText] = [
        "true": LocalizedText(en: "present", zh: "有"),
        "false": LocalizedText(en: "absent", zh: "无"),
        "lytic": LocalizedText(en: "lytic", zh: "溶骨性"),
        "blastic": LocalizedText(en: "blastic", zh: "成骨性"),
        "mixed": LocalizedText(en: "mixed", zh: "混合性"),
        "under50": LocalizedText(en: "< 50 %", zh: "< 50%"),
        "over50": LocalizedText(en: "≥ 50 %", zh: "≥ 50%"),
        "present": LocalizedText(en: "present, degree not stated", zh: "有，程度未描述"),
        "none": LocalizedText(en: "none", zh: "无"),
        "involved": LocalizedText(en: "involved, side not stated", zh: "受累，侧别未描述"),
        "unilateral": LocalizedText(en: "unilateral", zh: "单侧"),
        "bilateral": LocalizedText(en: "bilateral", zh: "双侧"),
        "deNovoDeformity": LocalizedText(en: "de novo deformity", zh: "新发畸形"),
        "subluxation": LocalizedText(en: "subluxation", zh: "半脱位"),
        "normal": LocalizedText(en: "normal", zh: "正常"),
        "partial": LocalizedText(en: "partial", zh: "部分"),
        "complete": LocalizedText(en: "complete", zh: "完全"),
        "increased": LocalizedText(en: "increased", zh: "增大/进展"),
        "decreased": LocalizedText(en: "decreased", zh: "缩小"),
        "new": LocalizedText(en: "new", zh: "新发"),
        "unchanged": LocalizedText(en: "unchanged", zh: "相仿"),
        "lessThanOneThird": LocalizedText(en: "< 1/3 of the diameter", zh: "< 1/3 骨直径"),
        "oneThirdToTwoThirds": LocalizedText(en: "1/3–2/3 of the diameter", zh: "1/3–2/3 骨直径"),
        "moreThanTwoThirds": LocalizedText(en: "> 2/3 of the diameter", zh: "> 2/3 骨直径"),
    ]

    public static let certainties: [Certainty: LocalizedText] = [
        .affirmed: LocalizedText(en: "stated", zh: "明确描述"),
        .negated: LocalizedText(en: "stated as absent", zh: "描述为无"),
        .uncertain: LocalizedText(en: "uncertain — check", zh: "不确定——请核对"),
        .historical: LocalizedText(en: "history, not current", zh: "既往，非本次"),
        .other: LocalizedText(en: "about another structure", zh: "描述其他结构"),
    ]

    public static func site(_ site: ReportSite, _ language: Language) -> String {
        if let level = site.level { return level.description }
        let side = site.side.map { $0.label(language) } ?? ""
        // Named as the case names its lesions (Lesion.label): "right humerus, diaphysis", 右肱骨骨干.
        if language == .zhHans { return side + site.bone.label(language) + (site.segment?.siteLabel ?? "") }
        return [side, site.bone.label(language)].filter { !$0.isEmpty }.joined(separator: " ") + (site.segment.map { ", \($0.label.en)" } ?? "")
    }

    public static func value(_ reading: Reading) -> LocalizedText {
        // Epidural tumour denied is grade 0 ("no epidural" is kept as the 1a it denies, for the
        // annotations); a compression denied ("no cord compression", the 2 it denies) leaves the
        // grade low but unread — epidural tumour short of compression (1a–1c) is not excluded.
        if reading.field == "escc" {
            guard reading.certainty == .negated else { return LocalizedText(en: reading.value, zh: reading.value) }
            return reading.value == "1a"
                ? LocalizedText(en: "0", zh: "0")
                : LocalizedText(en: "below \(reading.value) (low grade; grade it on axial T2)", zh: "低于 \(reading.value) 级（低级别，请在轴位 T2 上分级）")
        }
        if reading.field.hasSuffix("Mm") { return LocalizedText(en: reading.value.replacingOccurrences(of: "x", with: " × "), zh: reading.value.replacingOccurrences(of: "x", with: " × ")) }
        return values[reading.value] ?? LocalizedText(en: reading.value, zh: reading.value)
    }

    public static func render(_ extraction: ReportExtraction, report: String, language: Language) -> String {
        let units = Array(report.utf16)
        var lines: [String] = []
        if extraction.lesions.isEmpty {
            lines.append(language == .zhHans ? "未提取到骨病灶描述。" : "No bone lesion described.")
        }
        for lesion in extraction.lesions {
            let match = lesion.matchedLesion.map { language == .zhHans ? "（对应病灶 \($0)）" : " (matches lesion \($0))" }
                ?? (language == .zhHans ? "（病历中尚无）" : " (not in the case yet)")
            lines.append("\(site(lesion.site, language))\(match) — \(certainties[lesion.certainty]?(language) ?? lesion.certainty.rawValue)")
            for reading in lesion.readings where reading.field != "lesion" {
                let label = fields[reading.field]?(language) ?? reading.field
                let words = reading.evidence.map { "「\($0.text(in: units))」" }.joined(separator: " ")
                lines.append("  \(label)\(language == .zhHans ? "：" : ": ")\(value(reading)(language)) · \(certainties[reading.certainty]?(language) ?? "") · \(words)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
