/// Reading each section of a case file. Field ranges are plausibility limits of measurement,
/// not clinical thresholds.
enum CaseSections {
    typealias Keys = CaseFile.Keys

    /// The plausibility limits of measurement (not clinical thresholds), shared with
    /// `StoredCaseReader` so both readers accept exactly the same values.
    enum Limits {
        static let ecog = 0...4
        static let kps = 0...100
        static let nrs = 0...10
        static let weightKg: ClosedRange<Double> = 1...400
        static let unnamedNewLesions = 0...1000
        /// A lesion's diameter: above 0, at most 1 000 mm; one or two of them.
        static func diameter(_ millimetres: Double) -> Bool { millimetres > 0 && millimetres <= 1000 }
        static let diameterCount = 1...2
        static let softTissueMm: ClosedRange<Double> = 0...1000
        static let uptakeChangePercent: ClosedRange<Double> = -100...1000
        static let fractionOfDiameter: ClosedRange<Double> = 0...1
        static let doseMg: ClosedRange<Double> = 0...10_000
        static let intervalWeeks = 1...52
        static let doseGy: ClosedRange<Double> = 0...200
        static let fractions = 1...100
        static let labValue: ClosedRange<Double> = 0...10_000_000
    }

    static func record(_ r: FieldReader) -> CaseRecord? {
        // Only the current version is accepted; any other is reported as out of range.
        _ = r.int("schemaVersion", in: CaseRecord.schemaVersion...CaseRecord.schemaVersion)
        let patient = r.object("patient", keys: Keys.patient, required: true, read: patient)
        let record = CaseRecord(
            patient: patient ?? Patient(id: "?"),
            primaries: r.objects("primaries", keys: Keys.primary, read: primary),
            lesions: r.objects("lesions", keys: Keys.lesion, read: lesion),
            studies: r.objects("studies", keys: Keys.study, read: study),
            treatments: r.objects("treatments", keys: Keys.treatment, read: treatment),
            labs: r.objects("labs", keys: Keys.lab, read: lab),
            performance: r.objects("performance", keys: Keys.performance) { p in
                let (date, ecog, kps) = (p.date("date", required: true), p.int("ecog", in: Limits.ecog), p.int("kps", in: Limits.kps))
                return date.map { PerformanceStatus(date: $0, ecog: ecog, kps: kps) }
            },
            pain: r.objects("pain", keys: Keys.pain) { p in
                let (date, lesion, nrs) = (p.date("date", required: true), p.string("lesion"), p.int("nrs", in: Limits.nrs))
                let (mirels, sins) = (p.value("mirels", Mirels.Pain.self), p.value("sins", SINS.Pain.self))
                return date.map { PainRecord(date: $0, lesion: lesion, mirels: mirels, sins: sins, nrs: nrs) }
            },
            neurology: r.objects("neurology", keys: Keys.neurology) { n in
                let (date, status, frankel, lesion) = (n.date("date", required: true), n.value("status", NeurologicalStatus.self, required: true), n.value("frankel", Tokuhashi.Frankel.self), n.string("lesion"))
                guard let date, let status else { return nil }
                return NeurologyRecord(date: date, status: status, frankel: frankel, lesion: lesion)
            },
            biopsies: r.objects("biopsies", keys: Keys.biopsy) { b in
                let (date, lesion, histology, tests) = (b.date("date", required: true), b.string("lesion"), b.string("histology"), b.strings("molecularTests"))
                let (decalcification, result) = (b.value("decalcification", Decalcification.self), b.value("result", BiopsyResult.self))
                return date.map {
                    Biopsy(lesion: lesion, date: $0, decalcification: decalcification, result: result, histology: histology, molecularTests: tests)
                }
            },
            events: r.objects("events", keys: Keys.event) { e in
                let (date, kind, lesion, resolved) = (e.date("date", required: true), e.value("kind", EventKind.self, required: true), e.string("lesion"), e.bool("resolved"))
                guard let date, let kind else { return nil }
                return ClinicalEvent(date: date, kind: kind, lesion: lesion, resolved: resolved)
            },
            visceralMetastases: r.reader.has("visceralMetastases")
                ? r.objects("visceralMetastases", keys: Keys.visceral) { v in
                    let (organ, date, removable, treatable) = (v.string("organ", required: true), v.date("date"), v.bool("removable"), v.bool("treatable"))
                    let pattern = v.value("pattern", Katagiri.VisceralMets.self)
                    return organ.map { VisceralMetastasis(organ: $0, date: date, removable: removable, treatable: treatable, pattern: pattern) }
                } : nil,
            dentalExams: r.dates("dentalExams"),
            decisions: r.objects("decisions", keys: Keys.decision) { d in
                let (date, text, specialty, followUp) = (d.date("date", required: true), d.string("decision", required: true), d.value("specialty", Specialty.self), d.strings("followUp"))
                guard let date, let text else { return nil }
                return MDTDecision(date: date, decision: text, specialty: specialty, followUp: followUp)
            },
            plans: r.object("plans", keys: Keys.plans) { p in
                CarePlans(molecularTestsWanted: p.bool("molecularTestsWanted"), transfer: p.date("transfer"), trialEnrolment: p.date("trialEnrolment"))
            } ?? CarePlans())
        var withStatus = record
        withStatus.diseaseStatus = r.objects("diseaseStatus", keys: Keys.diseaseStatus) { d in
            let (date, status) = (d.date("date", required: true), d.value("status", DiseaseStatus.self, required: true))
            let (evidence, primary) = (d.string("evidence"), d.string("primary"))
            guard let date, let status else { return nil }
            return DiseaseStatusRecord(date: date, status: status, evidence: evidence, primary: primary)
        }
        return patient == nil ? nil : withStatus
    }

    static func patient(_ p: FieldReader) -> Patient? {
        let id = p.string("id", required: true)
        let patient = Patient(
            id: id ?? "?", sex: p.value("sex"), birthDate: p.date("birthDate"), fictional: p.bool("fictional") ?? false,
            weights: p.objects("weights", keys: Keys.weight) { w in
                let (date, kg) = (w.date("date", required: true), w.double("kg", in: Limits.weightKg, required: true))
                guard let date, let kg else { return nil }
                return WeightRecord(date: date, kg: kg)
            },
            deceased: p.bool("deceased"), deathDate: p.date("deathDate"))
        if patient.deceased == false, patient.deathDate != nil {
            p.log.add(InputError(field: p.fieldPath("deceased"), problem: .custom(LocalizedText(
                en: "false contradicts the recorded deathDate: give true, or leave the date out",
                zh: "为 false 与已记录的死亡日期（deathDate）矛盾：请填 true，或删去死亡日期"))))
        }
        return id == nil ? nil : patient
    }

    static func primary(_ p: FieldReader) -> PrimaryCancer? {
        let (id, site) = (p.string("id", required: true), p.value("site", PrimarySite.self, required: true))
        let primary = PrimaryCancer(
            id: id ?? "", site: site ?? .unknown, histology: p.string("histology"), histologyType: p.value("histologyType"), er: p.value("er"),
            pr: p.value("pr"), her2: p.value("her2"), diagnosed: p.date("diagnosed"), hormoneDependent: p.bool("hormoneDependent"),
            targetedTherapy: p.bool("targetedTherapy"), castrationResistant: p.bool("castrationResistant"))
        var coded = primary
        coded.codes = p.strings("codes")
        return id == nil || site == nil ? nil : coded
    }

    static func lesion(_ l: FieldReader) -> Lesion? {
        let (id, bone) = (l.string("id", required: true), l.value("bone", Bone.self, required: true))
        let lesion = Lesion(
            id: id ?? "", bone: bone ?? .other, segment: l.value("segment"), level: l.level("level"), laterality: l.value("laterality"),
            note: l.string("note"), primary: l.string("primary"))
        var coded = lesion
        coded.codes = l.strings("codes")
        coded.diagnosed = l.date("diagnosed")
        return id == nil || bone == nil ? nil : coded
    }

    static func study(_ s: FieldReader) -> ImagingStudy? {
        let (id, date, modality) = (s.string("id", required: true), s.date("date", required: true), s.value("modality", Modality.self, required: true))
        let windows = s.values("windows", CTWindow.self)
        let coverage = s.values("coverage", BodyRegion.self)
        let (contrast, uid, region, report) = (s.bool("contrast"), s.string("studyInstanceUid"), s.string("region"), s.string("report"))
        let dicomModality = s.string("dicomModality")
        let observations = s.objects("observations", keys: Keys.observation, read: observation)
        let unnamed = s.int("unnamedNewLesions", in: Limits.unnamedNewLesions)
        guard let id, let date, let modality else { return nil }
        var study = ImagingStudy(
            id: id, date: date, modality: modality, windows: windows, contrast: contrast, studyInstanceUid: uid, region: region,
            coverage: coverage, report: report, observations: observations, unnamedNewLesions: unnamed)
        study.dicomModality = dicomModality
        return study
    }

    static func observation(_ o: FieldReader) -> LesionObservation? {
        guard let lesion = o.string("lesion", required: true) else { return nil }
        var observation = LesionObservation(lesion: lesion, present: o.bool("present") ?? true)
        observation.character = o.value("character")
        observation.diametersMm = o.array("diametersMm") { value, path in
            guard let number = value.number, Limits.diameter(number) else {
                o.log.add(InputError(field: path.text, problem: .outOfRange(min: 0.1, max: 1000)))
                return nil
            }
            return number
        }
        if let diameters = observation.diametersMm, !Limits.diameterCount.contains(diameters.count) {
            o.log.add(InputError(field: o.fieldPath("diametersMm"), problem: .custom(LocalizedText(
                en: "give one or two perpendicular diameters in mm", zh: "请给出一个或两个相互垂直的直径（mm）"))))
        }
        observation.softTissueMm = o.double("softTissueMm", in: Limits.softTissueMm)
        observation.boneDestruction = o.bool("boneDestruction")
        observation.scleroticRim = o.bool("scleroticRim")
        observation.fillIn = o.value("fillIn")
        observation.uptake = o.bool("uptake")
        observation.uptakeChangePercent = o.double("uptakeChangePercent", in: Limits.uptakeChangePercent)
        observation.normalSignal = o.bool("normalSignal")
        observation.fractionOfDiameter = o.double("fractionOfDiameter", in: Limits.fractionOfDiameter)
        observation.mirelsSize = o.value("mirelsSize")
        observation.collapse = o.value("collapse")
        observation.alignment = o.value("alignment")
        observation.posterolateral = o.value("posterolateral")
        observation.escc = o.value("escc")
        observation.fracture = o.bool("fracture")
        observation.jointSpaceNarrowing = o.bool("jointSpaceNarrowing")
        observation.osteophytes = o.bool("osteophytes")
        observation.subchondralCysts = o.bool("subchondralCysts")
        observation.epiphyseal = o.bool("epiphyseal")
        observation.eccentric = o.bool("eccentric")
        return observation
    }

    static func treatment(_ t: FieldReader) -> Treatment? {
        let (id, kind) = (t.string("id", required: true), t.value("kind", TreatmentKind.self, required: true))
        let agent: BoneAgent? = t.value("agent", required: kind == .boneModifyingAgent)
        let treatment = Treatment(
            id: id ?? "", kind: kind ?? .systemic, name: t.string("name"), drugs: t.strings("drugs"), systemicClass: t.value("systemicClass"),
            lesions: t.strings("lesions"), start: t.date("start", required: !(t.bool("planned") ?? false)), end: t.date("end"),
            planned: t.bool("planned") ?? false, stopReason: t.value("stopReason"), procedure: t.value("procedure"), agent: agent,
            doseMg: t.double("doseMg", in: Limits.doseMg), intervalWeeks: t.int("intervalWeeks", in: Limits.intervalWeeks), doses: t.dates("doses"),
            doseGy: t.double("doseGy", in: Limits.doseGy), fractions: t.int("fractions", in: Limits.fractions))
        var coded = treatment
        coded.codes = t.strings("codes")
        return id == nil || kind == nil ? nil : coded
    }

    /// A lab's unit (shared with `StoredCaseReader`): when none is given, the one unit of the
    /// test in which the value is one a laboratory can report (`LabTest.plausibleUnits`) — a
    /// calcium of 2.35 is mmol/L, a haemoglobin of 105 g/L; nil when no unit or more than one
    /// fits (a CRP of 3: mg/dL or mg/L?), and the unit must be written. Until rule set
    /// 2026.12.124 the test's first unit was taken: 2.35 mg/dL, 105 g/dL (cb22-a). Required
    /// when the test has no unit and is not a tumour marker; a given unit must be one the test
    /// knows.
    static func unitRequired(_ test: LabTest) -> Bool { test.units.isEmpty && !test.isTumourMarker }
    static func unit(of test: LabTest, given: String?, value: Double) -> String? {
        given ?? test.onlyPlausibleUnit(for: value)
    }
    static func unitKnown(_ unit: String, for test: LabTest) -> Bool { test.isTumourMarker || test.factor(for: unit) != nil }

    /// Why a unit-less value has no unit: the units it fits, or none.
    static func unitMissing(_ test: LabTest, value: Double) -> LocalizedText {
        let fitting = test.plausibleUnits(for: value)
        let shown = LabTest.text(value)
        if fitting.count > 1 {
            return LocalizedText(
                en: "no unit given, and \(shown) is a possible \(test.label.en) in \(fitting.joined(separator: " and ")): write the unit (allowed: \(test.units.map(\.unit).joined(separator: ", ")))",
                zh: "未写单位，\(shown) 按 \(fitting.joined(separator: " 或 ")) 都可能是\(test.label.zhHans)的值：请写明单位（可用：\(test.units.map(\.unit).joined(separator: "、"))）")
        }
        let ranges = test.units.compactMap { test.plausibleRangeText(in: $0.unit) }
        return LocalizedText(
            en: "no unit given, and \(shown) is not a possible \(test.label.en) in any of its units (\(ranges.joined(separator: "; "))): check the value and write the unit",
            zh: "未写单位，且 \(shown) 在任何单位下都不是可能的\(test.label.zhHans)值（\(ranges.joined(separator: "；"))）：请核对数值并写明单位")
    }

    static func lab(_ l: FieldReader) -> LabResult? {
        let (date, test, value) = (l.date("date", required: true), l.value("test", LabTest.self, required: true), l.double("value", in: Limits.labValue, required: true))
        guard let date, let test, let value else { return nil }
        // A blank unit is a unit left out: read as such (the one unit the value fits) — a free
        // light-chain ratio sent as `"unit": ""` was refused (unseen record cb86-c).
        let given = l.string("unit", required: Self.unitRequired(test), blankIsAbsent: true)
        guard let written = Self.unit(of: test, given: given, value: value) else {
            if !Self.unitRequired(test) { l.log.add(InputError(field: l.fieldPath("unit"), problem: .custom(Self.unitMissing(test, value: value)))) }
            return nil
        }
        // As the test knows it: "μmol/L" (Greek mu), "mmol/l", "×10^9/L" are its units too.
        guard let unit = test.knownUnit(written), Self.unitKnown(unit, for: test) else {
            l.log.add(InputError(field: l.fieldPath("unit"), problem: .unknownValue(written, allowed: test.units.map(\.unit))))
            return nil
        }
        return LabResult(
            date: date, test: test, value: value, unit: unit, upperLimit: l.double("upperLimit", in: Limits.labValue),
            lowerLimit: l.double("lowerLimit", in: Limits.labValue))
    }
}
