import BoneMetDomain
import BoneMetReports
import Foundation

extension FHIRCaseMapper {
    /// The lesion of a bone-metastasis Condition: its bone, segment, level and side from the coded
    /// body site, else the texts (body site, then the condition's), its note, diagnosis date and
    /// related primary; our own export's lesion exactly as recorded (`ownExport`). `position`
    /// names a lesion whose Condition has no id.
    static func metastasisLesion(
        _ resource: FHIRResource, confirm: String?, position: Int, label: String, notes: inout [MappingNote]
    ) -> (lesion: Lesion, relatedId: String?, ownExport: Bool) {
        let r = resource.json
        let code = r["code"]
        let laterality = FHIRRead.laterality(r)
        let related = (r["extension"]?.array ?? []).first {
            let url = $0["url"]?.string ?? ""
            return url == "http://hl7.org/fhir/StructureDefinition/condition-related" || url.hasSuffix("mcode-related-primary-cancer-condition")
        }
        let relatedId = FHIRRead.referenceId(related?["valueReference"])
        // The condition's notes (Annotation text): a clinician's "右股骨转子下" or
        // "subtrochanteric" names the segment the rules score (Mirels's site).
        let annotations = (r["note"]?.array ?? []).compactMap { $0["text"]?.string?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        if let own = FHIRRead.extensionValue(r, "lesion")?.string.map({ $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }),
            own.count == 4, let bone = Bone(rawValue: own[0])
        {
            // Our own export: bone, segment, level and id exactly as recorded.
            var lesion = Lesion(
                id: own[3], bone: bone, segment: BoneSegment(rawValue: own[1]), level: VertebralLevel(own[2]), laterality: laterality,
                note: annotations.isEmpty ? nil : annotations.joined(separator: "; "))
            lesion.codes = FHIRRead.sourceCodes(code)
            lesion.diagnosed = FHIRRead.periodStart(r, "onset")
            return (lesion, relatedId, true)
        }
        let coded = FHIRRead.codings(r["bodySite"]?.array.first).compactMap { $0.system == FHIRCodes.snomed ? $0.code.flatMap { bodySites[$0] } : nil }.first
        // The site as written: the body site's text, else the condition's text where it names a
        // site (`siteInText`) — "骨转移瘤 L3", "右股骨近端转移瘤": its level and segment were lost.
        let siteText = FHIRRead.text(r["bodySite"]?.array.first) ?? (r["bodySite"] == nil ? siteInText(FHIRRead.text(code)) : nil)
        // Without a coded body site, the bone the text names (body site text, then the
        // condition's text) — "左股骨转移" is a left femoral lesion.
        let texts = [siteText, FHIRRead.text(code)].compactMap { $0 }
        // A body site naming one vertebral level and no bone word ("T12", "L3") is that vertebra
        // (or the sacrum's segment): it was a lesion of bone "other".
        let siteLevels = siteText.map(VertebralLevelText.levels(in:)) ?? []
        let levelOnly: (Bone, Laterality?)? = Set(siteLevels).count == 1 ? siteLevels.first.map { ($0.region == .sacral ? .sacrum : .vertebra, nil) } : nil
        let named = coded == nil ? texts.lazy.compactMap(CancerCodes.bone(fromText:)).first ?? levelOnly : nil
        if coded == nil && named == nil {
            notes.append(MappingNote(resource: label, message: "bone metastasis without a known body site: recorded as bone \"other\""))
        }
        let lesionId = resource.id ?? "lesion\(position)"
        // A suspected metastasis (verificationStatus unconfirmed, provisional or
        // differential): kept as a lesion for imaging to attach to, said as suspected,
        // and its onset is no diagnosis date.
        let verification = FHIRRead.codings(r["verificationStatus"]).first?.code
        let suspected = ["unconfirmed", "provisional", "differential"].contains(verification ?? "")
        if suspected {
            notes.append(MappingNote(resource: label, message: "verification status \(verification ?? ""): a suspected bone metastasis — confirm it on imaging or biopsy"))
        }
        // Without a body site, a condition's text saying it is several lesions
        // ("多发骨转移", "multiple bone metastases") is the note that counts it as several (the
        // scores' counts, "solitary"); it was dropped, and one "other bone" read as a
        // solitary lesion of unknown site (unseen bundle b4).
        let several = siteText == nil
            ? FHIRRead.text(code).flatMap { Lesion(id: "", bone: .other, note: $0).namesSeveral ? $0 : nil } : nil
        let note = ([several, siteText] + annotations.map(Optional.some) + [confirm, suspected ? "suspected (\(verification ?? ""))" : nil])
            .compactMap { $0 }.joined(separator: "; ")
        let bone = coded?.0 ?? named?.0 ?? .other
        // A coded segment (femoral head, shaft) wins; else the mCODE location qualifier,
        // where the bone has that segment.
        let segment = coded?.1 ?? FHIRRead.locationSegment(r).flatMap { $0.fits(bone) ? $0 : nil }
            ?? (coded == nil ? texts.lazy.compactMap { BoneSegment.settled(in: $0, bone: bone) }.first : nil)
        // A vertebra's level as its body-site text names it ("T10 vertebral body"):
        // one level only — a span ("T9–T11") names no one vertebra.
        let levels = bone == .vertebra || bone == .sacrum
            ? siteText.map(VertebralLevelText.levels(in:)) ?? [] : []
        let level = Set(levels).count == 1 ? levels.first.flatMap { ($0.region == .sacral) == (bone == .sacrum) ? $0 : nil } : nil
        var lesion = Lesion(
            id: lesionId, bone: bone, segment: segment, level: level, laterality: laterality ?? named?.1,
            note: note.isEmpty ? nil : note)
        lesion.codes = FHIRRead.sourceCodes(code)
        // The metastasis's own diagnosis date (Condition onset); an age is a span, said.
        lesion.diagnosed = suspected ? nil : FHIRRead.periodStart(r, "onset")
        if !suspected, lesion.diagnosed == nil, let age = r["onsetAge"]?["value"]?.decimalText {
            notes.append(MappingNote(resource: label, message: "onset given as age \(age): enter the date the metastasis was diagnosed"))
        } else if !suspected, lesion.diagnosed == nil, let recorded = FHIRRead.date(r["recordedDate"]) {
            // Without an onset, the day it was recorded: it was diagnosed by then, as a
            // primary's is read. A metastasis with only a recordedDate and no imaging in
            // the bundle was no known metastasis at all — no scores, no agent's
            // indication (unseen bundle b5).
            lesion.diagnosed = recorded
            notes.append(MappingNote(resource: label, message: "no onset: diagnosed by its recorded date \(recorded) — enter the date the metastasis was diagnosed if earlier"))
        }
        return (lesion, relatedId, false)
    }

    /// A bone-metastasis condition's text that names its site — a vertebral level or a bone:
    /// "骨转移（T12、L1椎体）", "骨转移瘤 L3", "右股骨近端转移瘤", "Bone metastases: T10, L2 and right
    /// iliac bone". Sent with no body site, the text is the site as written (a Chinese problem
    /// list writes both in one): the levels and the femur's segment were lost, two vertebrae
    /// became one vertebra of no level (unseen bundle ehr17). A text naming no site ("Secondary
    /// malignant neoplasm of bone", "多发骨转移") is none.
    static func siteInText(_ text: String?) -> String? {
        guard let text, !VertebralLevelText.levels(in: text).isEmpty || Bone.named(in: text) != nil || SiteList.parts(text, englishAnd: true).contains(where: { Bone.named(in: $0) != nil }) else { return nil }
        return text
    }
}
