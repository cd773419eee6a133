import BoneMetRules
import Testing

/// Rule set 2026.12.41: a renal femur nailed prophylactically and irradiated, grown from 40 × 28
/// to 62 × 40 mm on CT seven months later (MDA PD, Hamaoka 2004), more than two thirds of the
/// diameter gone on the film beside it, pain on use — read "Mirels 11 — fixed" (info), and the
/// films, which recorded no size, "SD — no measurable change".
@Suite struct FixedLesionProgressionTests {
    func record(lastCT: [Double] = [62, 40], lastFilm: Double = 0.9) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .kidney, histologyType: .renalCellCarcinoma, diagnosed: day("2019-03"))]
        r.lesions = [Lesion(id: "L1", bone: .femur, segment: .diaphysis, laterality: .right, primary: "P1")]
        let film = { (id: String, date: String, fraction: Double) in
            ImagingStudy(id: id, date: day(date), modality: .xray, coverage: [.rightLowerLimb], observations: [
                observation("L1", .lytic) { $0.fractionOfDiameter = fraction },
            ])
        }
        let ct = { (id: String, date: String, size: [Double]) in
            ImagingStudy(id: id, date: day(date), modality: .ct, windows: [.bone], coverage: [.rightLowerLimb], observations: [
                observation("L1", .lytic, size) { $0.boneDestruction = true },
            ])
        }
        r.studies = [film("X1", "2024-02-01", 0.6), ct("C1", "2024-02-03", [40, 28]), film("X2", "2024-03-10", 0.6), ct("C2", "2024-09-01", lastCT), film("X3", "2024-09-02", lastFilm)]
        r.biopsies = [Biopsy(lesion: "L1", date: day("2024-02-05"), decalcification: .edta, result: .metastasis)]
        r.pain = [PainRecord(date: day("2024-09-01"), lesion: "L1", mirels: .functional)]
        r.treatments = [
            Treatment(id: "S1", kind: .surgery, lesions: ["L1"], start: day("2024-02-20"), procedure: .prophylacticFixation),
            Treatment(id: "R1", kind: .radiotherapy, lesions: ["L1"], start: day("2024-03-15"), end: day("2024-03-21"), doseGy: 20, fractions: 5),
        ]
        return r
    }

    @Test func progressionAroundAnImplantIsReviewed() throws {
        let a = assess(record(), asOf: day("2024-09-03"))
        let finding = try #require(a.rule("surgery.mirels.progressingAfterFixation").first)
        #expect(finding.severity == .warning)
        #expect(finding.title.en == "right femur, diaphysis: progressing after prophylactic fixation — orthopaedic review of the implant")
        #expect(finding.detail.en.hasPrefix("Fixed on 2024-02-20 (prophylactic fixation); since then the lesion progressed (MDA progressive disease on the X-ray of 2024-09-02, extent across the bone 0.6 → 0.9 (+50.0 %, ≥ 25 %)); Mirels now 11."))
        #expect(finding.title.zhHans == "右股骨骨干：预防性内固定后病灶进展——骨科评估内植物")
        #expect(!a.has("surgery.mirels.protected"))
        // The film beside it not grown by a quarter: the CT's measured growth is named.
        let measured = try #require(assess(record(lastFilm: 0.7), asOf: day("2024-09-03")).rule("surgery.mirels.progressingAfterFixation").first)
        #expect(measured.detail.en.contains("(MDA progressive disease on the CT of 2024-09-01, product of diameters +121 %)"), "\(measured.detail.en)")
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        // Not grown: fixed, as before.
        let quiet = assess(record(lastCT: [41, 28], lastFilm: 0.65), asOf: day("2024-09-03"))
        #expect(quiet.has("surgery.mirels.protected"))
        #expect(!quiet.has("surgery.mirels.progressingAfterFixation"))
    }

    @Test func filmsWithoutASizeAreNotStable() throws {
        // Rule set 2026.12.260: the film's fraction of the diameter is the lesion's extent across
        // the bone — 0.6 → 0.9 is + 50 %, an ill-defined lesion's ≥ 25 % increase (MDA PD), as the
        // CT beside it says.
        let a = assess(record(), asOf: day("2024-09-03"))
        let film = try #require(a.timePoints.first { $0.study == "X3" })
        #expect(film.overall == .progressiveDisease)
        #expect(film.lesions.first?.reasons.map(\.en) == ["extent across the bone 0.6 → 0.9 (+50.0 %, ≥ 25 %)"])
        // Grown less than a quarter, no size: unknown, not stable.
        let less = assess(record(lastFilm: 0.7), asOf: day("2024-09-03"))
        let lessFilm = try #require(less.timePoints.first { $0.study == "X3" })
        #expect(lessFilm.overall == .notEvaluable)
        let reasons = try #require(lessFilm.lesions.first?.reasons.map(\.en))
        #expect(reasons == ["size not measured on one or both studies — change unknown; fraction of the bone's diameter 0.6 → 0.7"])
        // Measured on both: judged by the size, as before.
        let ct = try #require(a.timePoints.first { $0.study == "C2" })
        #expect(ct.overall == .progressiveDisease)
    }
}
