/// Reading each section of a case file. Field ranges are plausibility limits of measurement,
/// not clinical thresholds.
enum CaseSections {
    typealias Keys = CaseFile.Keys

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
                p.date("date", required: true).map { PerformanceStatus(date: $0, ecog: p.int("ecog", in: 0...4), kps: p.int("kps", in: 0...100)) }
            },
            pain: r.objects("pain", keys: Keys.pain) { p in
                p.date("date", required: true).map {
                    PainRecord(date: $0, lesion: p.string("lesion"), mirels: p.value("mirels"), sins: p.value("sins"), nrs: p.int("nrs", in: 0...10))
                }
            },
            neurology: r.objects("neurology", keys: Keys.neurology) { n in
                guard let date = n.date("date", required: true), let status: NeurologicalStatus = n.value("status", required: true) else { return nil }
                return NeurologyRecord(date: date, status: status, frankel: n.value("frankel"), lesion: n.string("lesion"))
            },
            biopsies: r.objects("biopsies", keys: Keys.biopsy) { b in
                b.date("date", required: true).map {
                    Biopsy(
                        lesion: b.string("lesion"), date: $0, decalcification: b.value("decalcification"), result: b.value("result"),
                        histology: b.string("histology"), molecularTests: b.strings("molecularTests"))
                }
            },
            events: r.objects("events", keys: Keys.event) { e in
                guard let date = e.date("date", required: true), let kind: EventKind = e.value("kind", required: true) else { return nil }
                return ClinicalEvent(date: date, kind: kind, lesion: e.string("lesion"))
            },
            visceralMetastases: r.reader.has("visceralMetastases")
                ? r.objects("visceralMetastases", keys: Keys.visceral) { v in
                    v.string("organ", required: true).map {
                        VisceralMetastasis(organ: $0, date: v.date("date"), removable: v.bool("removable"), treatable: v.bool("treatable"), pattern: v.value("pattern"))
                    }
                } : nil,
            dentalExams: r.dates("dentalExams"),
            decisions: r.objects("decisions", keys: Keys.decision) { d in
                guard let date = d.date("date", required: true), let text = d.string("decision", required: true) else { return nil }
                return MDTDecision(date: date, decision: text, specialty: d.value("specialty"), followUp: d.strings("followUp"))
            },
            plans: r.object("plans", keys: Keys.plans) { p in
                CarePlans(molecularTestsWanted: p.bool("molecularTestsWanted"), transfer: p.date("transfer"), trialEnrolment: p.date("trialEnrolment"))
            } ?? CarePlans())
        return patient == nil ? nil : record
    }

    static func patient(_ p: FieldReader) -> Patient? {
        let id = p.string("id", required: true)
        let patient = Patient(
            id: id ?? "?", sex: p.value("sex"), birthDate: p.date("birthDate"), fictional: p.bool("fictional") ?? false,
            weights: p.objects("weights", keys: Keys.weight) { w in
                guard let date = w.date("date", required: true), let kg = w.double("kg", in: 1...400, required: true) else { return nil }
                return WeightRecord(date: date, kg: kg)
            })
        return id == nil ? nil : patient
    }

    static func primary(_ p: FieldReader) -> PrimaryCancer? {
        guard let id = p.string("id", required: true), let site: PrimarySite = p.value("site", required: true) else { return nil }
        return PrimaryCancer(
            id: id, site: site, histology: p.string("histology"), er: p.value("er"), pr: p.value("pr"), her2: p.value("her2"),
            diagnosed: p.date("diagnosed"), hormoneDependent: p.bool("hormoneDependent"), targetedTherapy: p.bool("targetedTherapy"))
    }

    static func lesion(_ l: FieldReader) -> Lesion? {
        guard let id = l.string("id", required: true), let bone: Bone = l.value("bone", required: true) else { return nil }
        return Lesion(id: id, bone: bone, segment: l.value("segment"), level: l.level("level"), laterality: l.value("laterality"), note: l.string("note"))
    }

    static func study(_ s: FieldReader) -> ImagingStudy? {
        guard let id = s.string("id", required: true), let date = s.date("date", required: true),
            let modality: Modality = s.value("modality", required: true)
        else { return nil }
        return ImagingStudy(
            id: id, date: date, modality: modality, windows: s.values("windows", CTWindow.self), contrast: s.bool("contrast"),
            studyInstanceUid: s.string("studyInstanceUid"), region: s.string("region"),
            observations: s.objects("observations", keys: Keys.observation, read: observation),
            unnamedNewLesions: s.int("unnamedNewLesions", in: 0...1000))
    }

    static func observation(_ o: FieldReader) -> LesionObservation? {
        guard let lesion = o.string("lesion", required: true) else { return nil }
        var observation = LesionObservation(lesion: lesion, present: o.bool("present") ?? true)
        observation.character = o.value("character")
        observation.diametersMm = o.array("diametersMm") { value, path in
            guard let number = value.number, number > 0, number <= 1000 else {
                o.log.add(InputError(field: path, problem: .outOfRange(min: 0.1, max: 1000)))
                return nil
            }
            return number
        }
        if let diameters = observation.diametersMm, !(1...2).contains(diameters.count) {
            o.log.add(InputError(field: o.fieldPath("diametersMm"), problem: .custom(LocalizedText(
                en: "give one or two perpendicular diameters in mm", zh: "请给出一个或两个相互垂直的直径（mm）"))))
        }
        observation.softTissueMm = o.double("softTissueMm", in: 0...1000)
        observation.boneDestruction = o.bool("boneDestruction")
        observation.scleroticRim = o.bool("scleroticRim")
        observation.fillIn = o.value("fillIn")
        observation.uptake = o.bool("uptake")
        observation.uptakeChangePercent = o.double("uptakeChangePercent", in: -100...1000)
        observation.normalSignal = o.bool("normalSignal")
        observation.fractionOfDiameter = o.double("fractionOfDiameter", in: 0...1)
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
        guard let id = t.string("id", required: true), let kind: TreatmentKind = t.value("kind", required: true) else { return nil }
        let agent: BoneAgent? = t.value("agent", required: kind == .boneModifyingAgent)
        return Treatment(
            id: id, kind: kind, name: t.string("name"), drugs: t.strings("drugs"), systemicClass: t.value("systemicClass"),
            lesions: t.strings("lesions"), start: t.date("start", required: !(t.bool("planned") ?? false)), end: t.date("end"),
            planned: t.bool("planned") ?? false, stopReason: t.value("stopReason"), procedure: t.value("procedure"), agent: agent,
            doseMg: t.double("doseMg", in: 0...10_000), intervalWeeks: t.int("intervalWeeks", in: 1...52), doses: t.dates("doses"),
            doseGy: t.double("doseGy", in: 0...200), fractions: t.int("fractions", in: 1...100))
    }

    static func lab(_ l: FieldReader) -> LabResult? {
        guard let date = l.date("date", required: true), let test: LabTest = l.value("test", required: true),
            let value = l.double("value", in: 0...10_000_000, required: true)
        else { return nil }
        let defaultUnit = test.units.first?.unit
        let unit = l.string("unit", required: defaultUnit == nil && !test.isTumourMarker) ?? defaultUnit ?? ""
        if !test.isTumourMarker && test.factor(for: unit) == nil {
            l.log.add(InputError(field: l.fieldPath("unit"), problem: .unknownValue(unit, allowed: test.units.map(\.unit))))
            return nil
        }
        return LabResult(
            date: date, test: test, value: value, unit: unit, upperLimit: l.double("upperLimit", in: 0...10_000_000),
            lowerLimit: l.double("lowerLimit", in: 0...10_000_000))
    }
}
