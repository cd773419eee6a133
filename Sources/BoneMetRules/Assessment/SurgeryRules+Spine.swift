/// The spine's findings (issue #8, NOMS): SINS, ESCC and neurology of each spinal lesion, the
/// NOMS recommendation gated by radiosensitivity and systemic status.
extension SurgeryRules {
    static let nice2023 = Citation(
        id: "nice2023", text: "NICE NG234, 2023 (metastatic spinal cord compression; updates CG75, 2008): whole-spine MRI within 24 h, dexamethasone 16 mg, definitive treatment within 24 h", zh: "NICE NG234，2023（转移性脊髓压迫；更新 CG75，2008）：24 小时内全脊柱 MRI，地塞米松 16 mg，24 小时内确定性治疗")
    static let patchell2005 = Citation(id: "patchell2005", text: "Patchell RA et al. Lancet 2005;366:643-8")

    /// SINS items, ESCC and neurology of a spinal lesion, each from the most recent record that
    /// grades it (as Mirels), so a later study that did not grade an item never erases it.
    func spineFindings(_ systemic: SystemicStatus, timePoints: [TimePointResponse] = []) -> [Finding] {
        let spinal = index.seenLesions.filter(index.isScoredSpinal)
        func latestESCC(_ id: String) -> ESCC.Result? {
            index.presentPoints(id).filter { $0.study.modality.isAnatomic }.last { $0.observation.escc != nil }
                .flatMap { $0.observation.escc }.map { ESCC.evaluate($0, settings: index.settings) }
        }
        // A deficit recorded for the patient (no level) is explained by a lesion compressing the
        // cord (high-grade ESCC): one graded low elsewhere is not its cause. T5 at ESCC 3 and T6
        // at 1a were both sent to emergency decompression for the same myelopathy.
        let compressing = spinal.filter { latestESCC($0.id)?.highGrade == true }
        let spinalCount = spinal.count
        return spinal.compactMap { lesion -> Finding? in
            let points = index.presentPoints(lesion.id).filter(\.readsBone)
            guard let latest = points.last else { return nil }
            if let healed = spineNoLongerSeenFinding(lesion, latest: latest.study) { return healed }
            // Each item from its latest day; two readings of that day, the worse (`latestWorst`).
            func last<T>(_ value: (LesionObservation) -> T?, rank: (T) -> Int) -> T? { CaseIndex.latestWorst(points, value, rank: rank)?.value }
            let (pain, painLeftOut) = sinsPain(lesion.id, study: latest.study.date)
            let typed = CaseIndex.latestWorst(points, { $0.character?.sins }, rank: \.points, prefer: CaseIndex.filmOrCT)
            let sinsInput = SINS.Input(
                location: lesion.level.map(SINS.Location.of) ?? lesion.sharedSINSLocation, pain: pain,
                lesion: typed?.value,
                alignment: last(\.alignment, rank: \.points), collapse: last(\.collapse, rank: \.points),
                posterolateral: last(\.posterolateral, rank: \.points),
                painNRSWithoutKind: pain == nil && painLeftOut == nil ? sinsPainWithoutKind(lesion.id, study: latest.study.date) : nil)
            let sins = SINS.evaluate(sinsInput, level: lesion.level, locationWithin: lesion.possibleSINSLocations)
            let gradedWorst = CaseIndex.latestWorst(points, \.escc, rank: \.order, prefer: CaseIndex.mriFirst)
            let escc = gradedWorst.map { ESCC.evaluate($0.value, settings: index.settings) }
            // Bilsky 2010 grades on axial T2 MRI: a grade read off a CT is said as such.
            let graded = gradedWorst?.point
            let esccModality = graded?.study.modality
            var neuro = index.latestNeurology(for: lesion.id)
            var deficit = neuro?.showsDeficit == true
            // A newer deficit recorded at another lesion is the patient's state now: this level's
            // older "intact" is history. T6 compressing with myelopathy on 2026-12-02, the T7
            // beside it read "neurologically intact (2026-11-30)" (cb52-a). Said with where it is
            // recorded; not this level's deficit.
            var deficitRecordedAt: Lesion?
            if let patient = index.latestNeurology(), patient.showsDeficit, let other = patient.lesion, other != lesion.id,
                let at = index.lesionsById[other], neuro.map({ patient.date.earliestDay > $0.date.latestDay }) ?? true
            {
                neuro = patient
                deficitRecordedAt = at
            }
            var explainedBy: [Lesion] = []
            if deficit, neuro?.lesion == nil, let escc, !escc.highGrade, !compressing.isEmpty {
                deficit = false
                explainedBy = compressing
            }
            // Done, not planned: a planned separation surgery made ESCC 3 with myelopathy an
            // "info — Treated" finding, off the first screen before anyone had operated.
            let spinal = index.localTreatments(lesion.id, kind: .surgery).filter { $0.procedure?.treatsSpine ?? false }
            var treated = spinal.last { !$0.planned }
            // An operation treats what was seen before it (`recurs`).
            var recurrence: Treatment?
            if let operation = treated, recurs(after: operation, lesion: lesion.id, latest: latest.study.date, escc: escc, gradedOn: graded?.study.date, deficit: deficit, neuro: neuro) {
                recurrence = operation
                treated = nil
            }
            let planned = treated == nil ? spinal.first { $0.planned } : nil
            let event = treated == nil ? compressionEvent(lesion, spinalCount: spinalCount, neuro: neuro, escc: escc, gradedOn: graded?.study.date) : nil
            if event != nil { deficit = true }
            // A deficit left after the compression was irradiated, no worse since and the grade
            // low on the MRI after it, is recovering, not a new emergency (`residualDeficit`).
            let residual = deficit && treated == nil && event == nil && deficitRecordedAt == nil
                ? residualDeficit(lesion.id, neuro: neuro, escc: escc, gradedOn: graded?.study) : nil
            if residual != nil { deficit = false }
            return noms(
                lesion: lesion, date: latest.study.date, sins: sins, escc: escc, esccModality: esccModality, neuro: neuro, deficit: deficit,
                deficitRecordedAt: deficitRecordedAt,
                sitelessPain: pain == nil
                    ? Optional([painLeftOut, sitelessPain(sinsInput, level: lesion.level, locationWithin: lesion.possibleSINSLocations)].compactMap { $0 })
                        .flatMap { $0.isEmpty ? nil : LocalizedText.joined($0, en: " ", zh: "") }
                    : nil,
                compressionEvent: event, treated: treated,
                systemic: systemic, explainedBy: explainedBy, planned: planned, recurrenceAfter: recurrence, residual: residual,
                collapseAfterRadiotherapy: treated == nil ? collapseAfterRadiotherapy(lesion.id, timePoints: timePoints) : nil,
                gradedOn: escc?.highGrade == true ? graded?.study.date : nil, typeReadBefore: Self.typeReadBefore(typed?.point, latest: latest))
        }
    }

    private func noms(
        lesion: Lesion, date: PartialDate, sins: SINS.Result, escc: ESCC.Result?, esccModality: Modality? = nil, neuro: NeurologyRecord?, deficit: Bool,
        deficitRecordedAt: Lesion? = nil, sitelessPain: LocalizedText? = nil,
        compressionEvent: ClinicalEvent? = nil, treated: Treatment?, systemic status: SystemicStatus, explainedBy: [Lesion] = [], planned: Treatment? = nil,
        recurrenceAfter: Treatment? = nil, residual: LocalizedText? = nil, collapseAfterRadiotherapy: (text: LocalizedText, source: Citation)? = nil,
        gradedOn: PartialDate? = nil, typeReadBefore: LocalizedText? = nil
    ) -> Finding {
        let name = index.label(lesion)
        let oncology = radiosensitivity(of: lesion.id)
        let highGrade = escc?.highGrade == true
        let total = sins.total
        let sinsText = total.score.map(String.init) ?? "\(total.min)–\(total.max)"
        // N, O, M and S in words, for the detail only (`assess(details:)`: a stored row is the title).
        func framework() -> LocalizedText {
            var esccNote = escc?.debated == true
                ? LocalizedText(
                    en: " (1c: debated — counted as \(index.settings.escc1cIsHighGrade ? "high" : "low") grade by setting; Bilsky 2010)",
                    zh: "（1c 级存在争议——按设置计为\(index.settings.escc1cIsHighGrade ? "高" : "低")级别；Bilsky 2010）")
                : LocalizedText(en: "", zh: "")
            if escc != nil, let esccModality, esccModality != .mri {
                esccNote = LocalizedText(
                    en: "\(esccNote.en) (graded on \(esccModality.label.en): Bilsky grades on axial T2 MRI — confirm on MRI)",
                    zh: "\(esccNote.zhHans)（\(esccModality.label.zhHans)上分级：Bilsky 分级基于轴位 T2 MRI——请以 MRI 确认）")
            }
            let elsewhere = explainedBy.isEmpty
                ? LocalizedText(en: "", zh: "")
                : LocalizedText(
                    en: " — explained by the cord compression at \(LocalizedText.joined(explainedBy.map { index.label($0) }, en: ", ", zh: "、").en), not by this low-grade level",
                    zh: "——由\(LocalizedText.joined(explainedBy.map { index.label($0) }, en: ", ", zh: "、").zhHans)的脊髓压迫所致，而非本节段的低级别压迫")
            let event = compressionEvent.map { event in
                LocalizedText(
                    en: ", spinal cord compression recorded (\(event.date)) — no neurological examination or MRI grade since",
                    zh: "，已记录脊髓压迫（\(event.date)）——此后无神经系统检查或 MRI 分级")
            } ?? LocalizedText(en: "", zh: "")
            // "Intact" beside Frankel A–D is read as the deficit (`diagnosis.record.neurologyConflict`).
            let neuroText = neuro.map { neuro in
                neuro.statusContradictsFrankel
                    ? LocalizedText(
                        en: ", Frankel \(neuro.frankel?.rawValue ?? "") recorded as \"neurologically intact\" (\(neuro.date)) — read as a deficit",
                        zh: "，Frankel \(neuro.frankel?.rawValue ?? "") 却记录为“神经功能正常”（\(neuro.date)）——按神经功能障碍处理")
                    : !neuro.showsDeficit && index.predatesLesion(neuro.date, lesion: lesion.id)
                    ? LocalizedText(
                        en: ", last examined \(neuro.status.label.en) on \(neuro.date), before this lesion was first seen (\(index.firstSeen(lesion.id)?.description ?? "")) — examine now",
                        zh: "，最近一次神经系统检查（\(neuro.date)）\(neuro.status.label.zhHans)，早于首次发现本病灶（\(index.firstSeen(lesion.id)?.description ?? "")）——请现在检查")
                    : LocalizedText(
                        en: ", \(neuro.status.label.en) (\(neuro.date))\(neuro.frankel.map { ", Frankel \($0.rawValue)" } ?? "")",
                        zh: "，\(neuro.status.label.zhHans)（\(neuro.date)）\(neuro.frankel.map { "，Frankel \($0.rawValue)" } ?? "")")
            } ?? LocalizedText(en: "", zh: "")
            let recordedAt = deficitRecordedAt.map { other in
                LocalizedText(en: " — recorded at \(index.label(other).en)", zh: "——记录于\(index.label(other).zhHans)")
            } ?? LocalizedText(en: "", zh: "")
            let neurologic = LocalizedText(
                en: "N: ESCC \(escc?.grade.rawValue ?? "not graded")\(esccNote.en)\(neuroText.en)\(recordedAt.en)\(event.en)\(elsewhere.en)",
                zh: "N：ESCC \(escc?.grade.rawValue ?? "未分级")\(esccNote.zhHans)\(neuroText.zhHans)\(recordedAt.zhHans)\(event.zhHans)\(elsewhere.zhHans)")
            let mechanical = LocalizedText(
                en: "M: SINS \(sinsText) (\(sins.category?.info.label.en ?? "category undetermined"))\(typeReadBefore?.en ?? "")",
                zh: "M：SINS \(sinsText) 分（\(sins.category?.info.label.zhHans ?? "分级未定")）\(typeReadBefore?.zhHans ?? "")")
            return LocalizedText.joined([neurologic, oncology.text, mechanical, status.text], en: "; ", zh: "；")
        }
        let (irradiated, irradiatedSince) = compressionCourses(
            lesion.id, date: date, gradedOn: gradedOn, deficit: deficit, neuro: neuro, recurred: recurrenceAfter != nil)
        let reirradiation: LocalizedText? = irradiated.map { prior in
            let dose = prior.totalGy.map { String(describing: $0) }
            // A course dated by its month (or year) only, that month holding the grading study:
            // before it or after is not on record. A prostate cancer's "T8 20Gy/5F" of 2025-09 beside
            // the MRI of 2025-09-10 (ESCC 2, myelopathy) read only "already irradiated … a
            // re-irradiation decision" — it may have been this compression's treatment (unseen
            // record cb146-b). Read as before (the emergency stands), with the question asked.
            let graded = gradedOn ?? date
            let straddling = prior.courses.filter { course in
                course.start.map { $0.earliestDay < graded.earliestDay && $0.latestDay >= graded.earliestDay } ?? false
            }
            let which = straddling.first.map { course in
                LocalizedText(
                    en: " The course dated \(course.start.map(\.description) ?? "") has no day: whether it began before the study of \(graded) or after it is not on record — record its first day; begun after it, it is this compression's treatment.",
                    zh: "该疗程仅记录到 \(course.start.map(\.description) ?? "")：无法判断其开始于 \(graded) 检查之前还是之后——请记录开始日期；若开始于该检查之后，即为针对本次压迫的治疗。")
            } ?? LocalizedText(en: "", zh: "")
            return LocalizedText(
                en: "Already irradiated (\(prior.courses.map(\.label.en).joined(separator: "; "))\(dose.map { "; cumulative \($0) Gy" } ?? "; cumulative dose not on record — obtain it")): any further radiotherapy is a re-irradiation decision by radiation oncology (stereotactic re-irradiation within cord tolerance, or surgery), not conventional radiotherapy.\(which.en)",
                zh: "该部位已放疗（\(prior.courses.map(\.label.zhHans).joined(separator: "；"))\(dose.map { "；累计 \($0) Gy" } ?? "；累计剂量未记录——请补充")）：再次放疗属于再程放疗决策，由放疗科评估（在脊髓耐受范围内立体定向再程放疗，或手术），而非常规放疗。\(which.zhHans)")
        }

        var severity: Severity
        var recommendation: LocalizedText
        var claims: [Claim] = []
        var consultationClaims: [Claim] = []
        var extraSources: [Citation] = []
        let sensitive = oncology.value == .sensitive
        // Biopsy-first reasons (none for blastic bone under therapy — tissue at any operation).
        let open = index.biopsyFirstReasons(lesion.id)
        // Where no operation is proposed (radiotherapy's technique, a stable low-grade lesion):
        // the only lesion known of a cancer metastatic elsewhere waits for no biopsy.
        // Healed under systemic therapy (`sclerosedUnderTherapy`): the diagnosis findings say the
        // time for a biopsy has passed — "tissue diagnosis first" here contradicted them (cb111-b).
        let openWithoutOperation = index.blasticUnderTherapy(lesion.id) || index.sclerosedUnderTherapy(lesion.id) != nil
            ? [] : index.differentialWithoutOperation(lesion.id)
        let surgical = surgicalContext(lesion.id, open: index.openDifferential(lesion.id), emergency: deficit)
        // An undiagnosed lytic or mixed lesion not yet irradiated: tissue before radiotherapy.
        let tissueBeforeTechnique = !openWithoutOperation.isEmpty && index.characters(lesion.id).last != .blastic && irradiated == nil
        var radiotherapyFirst = false
        var tissueBeforeRadiotherapy = false
        if let treated {
            (severity, recommendation) = treatedReading(
                lesion.id, operation: treated, sins: sins, sinsText: sinsText, compressed: highGrade || deficit, deficit: deficit, neuro: neuro)
        } else if let course = irradiatedSince {
            let given = radiotherapyGiven(course, after: gradedOn ?? date, deficit: deficit, sins: sins, sinsText: sinsText)
            severity = given.severity
            recommendation = given.text
            extraSources += given.sources
        } else if deficit || highGrade {
            severity = .urgent
            // NOMS (Laufer 2013): a radiosensitive tumour is treated with conventional radiotherapy
            // whatever the ESCC grade; instability is the surgeon's question. With a deficit,
            // Patchell 2005's benefit of decompression holds for the tumours it enrolled (breast,
            // prostate, lung …), so surgery stays first there (the source hospital's scenario 8);
            // for the very radiosensitive ones it left out (lymphoma, leukaemia, myeloma,
            // germ-cell), with the diagnosis settled, radiotherapy leads unless the spine is
            // unstable — it read "decompression / separation surgery" for a myeloma.
            let candidates = index.primaryCandidates(for: lesion.id)
            let veryRadiosensitive = open.isEmpty && !candidates.isEmpty && candidates.allSatisfy(\.isVeryRadiosensitive)
            // An unstable spine (SINS 13–18) is stabilised whatever the histology (NOMS: the M is
            // its own indication); a radiosensitive small-cell lung cancer at SINS 18 read
            // "radiotherapy is an option unless the spine is unstable".
            let unstable = sins.category == .unstable
            radiotherapyFirst = sensitive && irradiated == nil && !unstable && (!deficit || veryRadiosensitive)
            recommendation = !radiotherapyFirst
                ? (sensitive && unstable && !deficit && irradiated == nil
                    ? LocalizedText(
                        en: "The spine is unstable (SINS \(sinsText)): urgent spine-surgery referral for stabilisation, and conventional radiotherapy for the compression of this radiosensitive tumour (NOMS: instability is treated surgically whatever the histology).",
                        zh: "脊柱不稳（SINS \(sinsText) 分）：紧急脊柱外科转诊行稳定手术；该肿瘤放疗敏感，压迫以常规放疗处理（NOMS：脊柱不稳无论组织学类型均需手术稳定）。")
                    : LocalizedText(
                        en: "Urgent spine-surgery referral: decompression / separation surgery, then radiotherapy (radiosurgery for radioresistant tumours).",
                        zh: "紧急脊柱外科转诊：减压 / 分离手术后放疗（放疗抵抗肿瘤行立体定向放射外科）。"))
                : deficit
                    ? LocalizedText(
                        en: "Compression with a neurological deficit in a very radiosensitive tumour: urgent conventional radiotherapy, whatever the ESCC grade (NOMS), with urgent spine-surgery review of stability (SINS \(sinsText)) — decompression first if the spine proves unstable or the deficit progresses. Patchell 2005 showed surgery's benefit without these tumours (lymphoma, leukaemia, myeloma, germ-cell).",
                        zh: "高度放疗敏感肿瘤压迫伴神经功能障碍：无论 ESCC 分级均紧急常规放疗（NOMS），同时紧急请脊柱外科评估稳定性（SINS \(sinsText) 分）——如证实脊柱不稳或神经功能继续恶化则先行减压。Patchell 2005 的手术获益研究未纳入此类肿瘤（淋巴瘤、白血病、骨髓瘤、生殖细胞肿瘤）。")
                    : LocalizedText(
                        en: "High-grade compression in a radiosensitive tumour: urgent conventional radiotherapy is an option unless the spine is unstable — urgent spine-surgery and radiation-oncology review.",
                        zh: "放疗敏感肿瘤的高级别压迫：除非脊柱不稳，可紧急常规放疗——紧急请脊柱外科和放疗科会诊。")
            if deficit {
                recommendation = LocalizedText(
                    en: "\(recommendation.en) \(deficitEmergency(lesion.id, neuro: neuro, compressionEvent: compressionEvent, date: date, radiotherapyFirst: radiotherapyFirst).en)",
                    zh: "\(recommendation.zhHans)\(deficitEmergency(lesion.id, neuro: neuro, compressionEvent: compressionEvent, date: date, radiotherapyFirst: radiotherapyFirst).zhHans)")
                extraSources += [Self.nice2023, Self.patchell2005]
            }
            if !radiotherapyFirst {
                claims = Self.fixationClaims(lesion.id, open: open)
                if !surgical.en.isEmpty {
                    recommendation = LocalizedText(en: "\(recommendation.en) \(surgical.en)", zh: "\(recommendation.zhHans)\(surgical.zhHans)")
                    extraSources += surgical.sources
                }
            }
        } else if let consult = sins.consultSpineSurgery, consult {
            severity = .warning
            // A collapse that is the radiotherapy's late effect asks no more radiotherapy.
            // SINS 13–18 is unstable (Fisher 2010), and instability is an indication of its own
            // (NOMS, Laufer 2013): a C2 at SINS 18 with subluxation read the potentially unstable
            // spine's "consultation … or cement augmentation for axial-load pain". Subluxation or
            // translation is the gross instability cement alone does not treat.
            let subluxed = sins.components.first { $0.key == "alignment" }?.value == SINS.Alignment.subluxation.rawValue
            // With the grade low and the histology known, NOMS names the technique (Laufer 2013):
            // a thyroid C7 at SINS 11, ESCC 1c, read "radiotherapy by histology" (cb22-c). Not while
            // the diagnosis is open: the biopsy decides the histology (`surgical` says biopsy first).
            let technique: LocalizedText = switch (escc != nil && !highGrade && irradiated == nil && open.isEmpty, oncology.value) {
            // The diagnosis open (a long disease-free interval, no primary …): radiotherapy, like
            // the fixation, waits for the tissue — the low-grade reading says so; an unstable T12
            // of a breast cancer 5½ years out, lytic, read "radiotherapy by histology" beside
            // "biopsy first … before any fixation" (unseen record cb132-c, rule set .378).
            case _ where tissueBeforeTechnique:
                escc == nil
                    ? LocalizedText(
                        en: "Radiotherapy, too, waits for the tissue diagnosis, whose histology decides the technique, and for ESCC graded on axial T2 MRI: high-grade compression changes the plan (separation surgery before radiosurgery for a radioresistant tumour).",
                        zh: "放疗同样须待病理诊断（由其组织学决定放疗方式）及轴位 T2 MRI 上的 ESCC 分级：高级别压迫会改变方案（放疗抵抗肿瘤在放射外科前先行分离手术）。")
                    : LocalizedText(
                        en: "Radiotherapy, too, waits for the tissue diagnosis: its histology decides the technique.",
                        zh: "放疗同样须待病理诊断：由其组织学决定放疗方式。")
            case (true, .sensitive):
                LocalizedText(en: "Radiotherapy: conventional (radiosensitive histology).", zh: "放疗：常规放疗（放疗敏感组织学）。")
            case (true, .resistant):
                LocalizedText(
                    en: "Radiotherapy: stereotactic radiosurgery (radioresistant histology, low-grade ESCC).",
                    zh: "放疗：立体定向放射外科（放疗抵抗组织学，低级别硬膜外压迫）。")
            default:
                // The grade unknown: NOMS's choice between radiotherapy alone and separation
                // surgery first turns on it (Bilsky 2010, Laufer 2013). A renal-cell T11 at SINS 8,
                // not graded, with SBRT planned read "radiotherapy by histology" and no word of the
                // MRI the plan depends on (unseen record cb42-b).
                escc == nil && irradiated == nil
                    ? LocalizedText(
                        en: "Radiotherapy by histology, once ESCC is graded on axial T2 MRI: high-grade compression changes the plan (separation surgery before radiosurgery for a radioresistant tumour).",
                        zh: "按组织学选择放疗，但需先在轴位 T2 MRI 上进行 ESCC 分级：高级别压迫会改变方案（放疗抵抗肿瘤在放射外科前先行分离手术）。")
                    : LocalizedText(en: "Radiotherapy by histology.", zh: "按组织学选择放疗。")
            }
            recommendation = collapseAfterRadiotherapy == nil && sins.category == .unstable
                ? LocalizedText(
                    en: "The spine is unstable (SINS \(sinsText); 13–18): spine-surgery consultation for stabilisation — instability is an indication of its own, whatever the histology or the epidural grade (NOMS)\(subluxed ? "; subluxation or translation is gross instability, which cement augmentation alone does not treat" : "; cement augmentation alone only for axial-load pain without gross instability"). \(technique.en)",
                    zh: "脊柱不稳（SINS \(sinsText) 分；13–18 分）：脊柱外科会诊行稳定手术——无论组织学类型或硬膜外压迫分级，不稳本身即为手术指征（NOMS）\(subluxed ? "；半脱位或平移属明显不稳，单纯骨水泥强化不能处理" : "；单纯骨水泥强化仅用于无明显不稳的轴向负荷痛")。\(technique.zhHans)")
                : collapseAfterRadiotherapy == nil
                ? LocalizedText(
                    en: "SINS ≥ 7: spine-surgery consultation for stabilisation (open, or cement augmentation for axial-load pain without gross instability). \(technique.en)",
                    zh: "SINS ≥7：脊柱外科会诊评估稳定手术（开放手术，或无明显不稳的轴向负荷痛行骨水泥强化）。\(technique.zhHans)")
                : LocalizedText(
                    en: "SINS ≥ 7: spine-surgery consultation for stabilisation (open, or cement augmentation for axial-load pain without gross instability).",
                    zh: "SINS ≥7：脊柱外科会诊评估稳定手术（开放手术，或无明显不稳的轴向负荷痛行骨水泥强化）。")
            if !surgical.en.isEmpty {
                recommendation = LocalizedText(en: "\(recommendation.en) \(surgical.en)", zh: "\(recommendation.zhHans)\(surgical.zhHans)")
                extraSources += surgical.sources
            }
            // The consultation proposes the stabilisation: claimed as the urgent referral's
            // operation is — "biopsy first" while the diagnosis is open, so the diagnosis findings
            // defer to it ("surgery proposed") rather than say "follow up" or "no biopsy" beside it
            // (the property test, rule set 2026.12.394), and an anti-angiogenic drug's timing is
            // said for it whether or not the lesion is diagnosed (2026.12.396); a deficit's
            // operation takes the tissue at it. Kept apart from `claims`, which titles the
            // finding: "whole-spine MRI within 24 hours" comes before the tissue.
            consultationClaims = Self.fixationClaims(lesion.id, open: deficit ? [] : open)
        } else if sins.consultSpineSurgery == nil {
            severity = .advisory
            recommendation = LocalizedText(
                en: "SINS range crosses 7: complete the missing items (\(total.missing.joined(separator: ", "))).",
                zh: "SINS 分值跨越 7 分：请补全缺失项（\(Self.sinsMissing(total.missing))）。")
        } else if escc == nil {
            // Stable, pain-free and neurologically intact: no decision waits on the grade (an
            // asymptomatic blastic L2 of a prostate cancer read "grade ESCC … before choosing
            // radiotherapy or surgery" as an advisory, where neither was in question).
            let (quiet, healed, _) = quietLesion(lesion.id, sins: sins, neuro: neuro, deficit: deficit)
            severity = quiet ? .info : .advisory
            recommendation = quiet && healed != nil
                ? LocalizedText(
                    en: "Stable, healed (\(healed?.en ?? "")) and neurologically intact: no treatment decision waits on it now. Grade ESCC on axial T2 MRI if pain or neurological signs appear.",
                    zh: "稳定、已愈合（\(healed?.zhHans ?? "")）且神经功能正常：目前无需据此作治疗决策。如出现疼痛或神经症状，在轴位 T2 MRI 上进行 ESCC 分级。")
                : quiet
                ? LocalizedText(
                    en: "Stable, pain-free and neurologically intact: no treatment decision waits on it now. Grade ESCC on axial T2 MRI when radiotherapy or surgery is considered, or if pain or neurological signs appear.",
                    zh: "稳定、无痛且神经功能正常：目前无需据此作治疗决策。考虑放疗或手术时，或出现疼痛或神经症状时，在轴位 T2 MRI 上进行 ESCC 分级。")
                : LocalizedText(
                    en: "Epidural compression not graded: grade ESCC on axial T2 MRI before choosing radiotherapy or surgery.",
                    zh: "硬膜外压迫未分级：在选择放疗或手术前，请在轴位 T2 MRI 上进行 ESCC 分级。")
        } else {
            severity = .info
            let reading = stableLowGradeReading(
                lesion.id, sins: sins, escc: escc, neuro: neuro, deficit: deficit, oncology: oncology.value,
                irradiated: irradiated != nil, openWithoutOperation: openWithoutOperation,
                deficitElsewhere: deficitRecordedAt != nil || !explainedBy.isEmpty)
            recommendation = reading.text
            if reading.tissueFirst {
                claims = [Claim(.biopsy, about: lesion.id, "biopsy")]
                tissueBeforeRadiotherapy = true
            }
        }
        // Radiculopathy with no MRI since: whole-spine MRI within 24 hours (`radiculopathyWithoutMRI`).
        let radicular = treated == nil && irradiatedSince == nil && !deficit && !highGrade ? radiculopathyWithoutMRI(lesion.id, neuro: neuro) : nil
        let radicularMRI = radicular != nil
        if let neuro = radicular {
            severity = .urgent
            recommendation = LocalizedText(
                en: "Radiculopathy (\(neuro.date)), no MRI since: a neurological symptom of possible compression — MRI of the whole spine within 24 hours, and the treatment by its ESCC grade. \(recommendation.en)",
                zh: "神经根病变（\(neuro.date)），此后未做 MRI：为可能压迫的神经症状——24 小时内完成全脊柱 MRI，再按 ESCC 分级决定治疗。\(recommendation.zhHans)")
            extraSources.append(Self.nice2023)
        }
        if let residual {
            severity = max(severity, .advisory)
            recommendation = LocalizedText(en: "\(residual.en) \(recommendation.en)", zh: "\(residual.zhHans)\(recommendation.zhHans)")
            extraSources.append(Self.nice2023)
        }
        // Surgery is proposed (urgent or a consultation): a short expected survival says so.
        if status.short, treated == nil, severity >= .warning {
            recommendation = LocalizedText(
                en: "\(recommendation.en) \(Self.shortSurvivalCaution.en)", zh: "\(recommendation.zhHans)\(Self.shortSurvivalCaution.zhHans)")
            extraSources += [Sources.tokuhashi2005, Sources.katagiri2014, Self.patchell2005]
        }
        // What is planned for the lesion — an operation, else a radiotherapy course (an MDT's
        // palliative 20 Gy/5 for C5 with ESCC 3 and myelopathy was not mentioned) — and, with a
        // deficit, whether it starts later than NICE NG234's 24 hours from the confirming MRI.
        let plannedRadiotherapy = treated == nil && planned == nil
            ? index.localTreatments(lesion.id, kind: .radiotherapy).first { $0.planned } : nil
        // A decision quoted on a consultation's finding: the consultation has happened — its title
        // says so, as the impending fracture's does (rule set 2026.12.391); emergencies keep theirs.
        var decidedOn: PartialDate? = nil
        if let next = planned ?? plannedRadiotherapy {
            var late = LocalizedText(en: "", zh: "")
            if deficit, let start = next.start,
                let mri = index.presentPoints(lesion.id).last(where: { $0.study.modality == .mri && $0.study.date.latestDay <= start.latestDay })?.study.date,
                start.earliestDay - mri.latestDay >= 2
            {
                late = LocalizedText(
                    en: " It starts more than 24 hours after the confirming MRI (\(mri)): NICE NG234 asks for definitive treatment within 24 hours.",
                    zh: "其开始时间距确诊 MRI（\(mri)）超过 24 小时：NICE NG234 要求 24 小时内完成确定性治疗。")
                extraSources.append(Self.nice2023)
            }
            // The compression's answer here is an operation first (radioresistant, a deficit, an
            // irradiated level): a course planned alone is not it. A radioresistant NSCLC's T10 at
            // ESCC 2 read "Urgent spine-surgery referral: decompression / separation surgery, then
            // radiotherapy … Planned: T10 姑息放疗 30Gy/10F", as if the course were that
            // radiotherapy (unseen record cb155-d, rule set 2026.12.405).
            let surgeryFirst = (deficit || highGrade) && !radiotherapyFirst
                && !(sensitive && sins.category == .unstable && !deficit && irradiated == nil)
            let caveat = planned == nil && treated == nil && irradiatedSince == nil
                ? plannedRadiotherapyCaveat(
                    sins: sins, sinsText: sinsText, unstable: collapseAfterRadiotherapy == nil, tissueFirst: tissueBeforeTechnique && !deficit,
                    surgeryFirst: surgeryFirst, decided: spineDecision(lesion, since: date)?.text)
                : LocalizedText(en: "", zh: "")
            recommendation = LocalizedText(
                en: "\(recommendation.en) Planned: \(next.label.en).\(late.en)\(caveat.en)",
                zh: "\(recommendation.zhHans)已计划：\(next.label.zhHans)。\(late.zhHans)\(caveat.zhHans)")
        } else if treated == nil, severity >= .warning, let decided = spineDecision(lesion, since: date) {
            recommendation = LocalizedText(en: "\(recommendation.en) \(decided.text.en)", zh: "\(recommendation.zhHans)\(decided.text.zhHans)")
            decidedOn = decided.decision.date
        }
        if let operation = recurrenceAfter {
            recommendation = LocalizedText(
                en: "\(recommendation.en) Recurrent compression after \(operation.label.en): revision surgery or re-irradiation is decided by spine surgery with radiation oncology.",
                zh: "\(recommendation.zhHans)\(operation.label.zhHans)后再次压迫：翻修手术或再程放疗由脊柱外科与放疗科共同决定。")
        }
        if let collapse = collapseAfterRadiotherapy {
            // The collapse is the radiotherapy's late effect, not growth: no re-irradiation
            // question to raise for it.
            recommendation = LocalizedText(en: "\(recommendation.en) \(collapse.text.en)", zh: "\(recommendation.zhHans)\(collapse.text.zhHans)")
            extraSources.append(collapse.source)
        } else if let reirradiation, treated == nil {
            recommendation = LocalizedText(en: "\(recommendation.en) \(reirradiation.en)", zh: "\(recommendation.zhHans)\(reirradiation.zhHans)")
        }
        // A collapse where no tumour was seen, after denosumab was stopped: the rebound fracture
        // is in the differential (`diagnosis.differential.fractureAfterDenosumab`), so what is
        // said here for a metastasis waits for one to be seen (unseen record cb21-d).
        if let fracture = index.antiresorptiveFractures[lesion.id] {
            recommendation = LocalizedText(
                en: "\(recommendation.en) No tumour has been seen at this fracture and a \(fracture.label.en) is in the differential: radiotherapy or surgery for a metastasis waits until one is seen (CT with the bone window, MRI signal or tissue).",
                zh: "\(recommendation.zhHans)此骨折处未见肿瘤，需鉴别\(fracture.label.zhHans)：针对转移灶的放疗或手术须待证实为转移（CT 骨窗、MRI 信号或病理）后进行。")
        }
        func inputs() -> [FindingInput] {
            var inputs = sins.components.map { FindingInput($0.key, $0.value ?? "unknown") }
            inputs.append(FindingInput("escc", escc?.grade.rawValue ?? "unknown"))
            inputs.append(FindingInput("neurology", neuro?.status.rawValue ?? "unknown"))
            inputs.append(FindingInput("radiosensitivity", oncology.value.rawValue))
            if let irradiated { inputs.append(FindingInput("priorRadiotherapyGy", irradiated.totalGy.map { String(describing: $0) } ?? "unknown")) }
            return inputs
        }
        let action: LocalizedText =
            severity == .urgent
            ? (deficit
                ? (radiotherapyFirst
                    ? LocalizedText(en: "emergency radiotherapy and spine review", zh: "急诊放疗并请脊柱外科会诊")
                    : LocalizedText(en: "emergency spine referral", zh: "急诊脊柱外科转诊"))
                : radicularMRI
                ? LocalizedText(en: "whole-spine MRI within 24 hours", zh: "24 小时内全脊柱 MRI")
                : LocalizedText(en: "urgent spine referral", zh: "紧急脊柱外科转诊"))
            : severity == .warning
            ? decidedOn.map { LocalizedText(en: "decision on record (\($0))", zh: "已有决定（\($0)）") }
                ?? LocalizedText(en: "spine-surgery consultation", zh: "脊柱外科会诊")
            : LocalizedText(en: "NOMS assessment", zh: "NOMS 评估")
        // Tissue first while the diagnosis is open; in an emergency with a deficit, at the
        // operation (`surgicalContext`).
        let tissue = !claims.contains { $0.stance == "biopsyFirst" } && !tissueBeforeRadiotherapy
            ? LocalizedText(en: "", zh: "")
            : severity == .urgent && deficit
            ? LocalizedText(en: ", tissue at the operation", zh: "，术中取病理")
            : LocalizedText(en: ", tissue diagnosis first", zh: "，先明确病理")
        return Finding(
            ruleId: "surgery.spine.noms", severity: severity, duty: .surgery, specialty: .spineSurgery,
            subject: .lesion(lesion.id), date: date,
            title: LocalizedText(
                en: "\(name.en): SINS \(sinsText), ESCC \(escc?.grade.rawValue ?? "not graded") — \(action.en)\(tissue.en)",
                zh: "\(name.zhHans)：SINS \(sinsText) 分，ESCC \(escc?.grade.rawValue ?? "未分级")——\(action.zhHans)\(tissue.zhHans)"),
            detail: {
                let framework = framework()
                let unread = Self.unreadSince(date, lesion: lesion, modalities: [.mri, .ct, .petCt], index: index)
                let before = Self.scoredBeforeRegimen(
                    date, reading: LocalizedText(en: "the imaging of \(date)", zh: " \(date) 的影像"), lesion: lesion, index: index)
                return LocalizedText(
                    en: "\(framework.en). \(recommendation.en)\(sitelessPain.map { " \($0.en)" } ?? "")\(unread.map { " " + $0.en } ?? "")\(before.map { " " + $0.en } ?? "")",
                    zh: "\(framework.zhHans)。\(recommendation.zhHans)\(sitelessPain?.zhHans ?? "")\(unread?.zhHans ?? "")\(before?.zhHans ?? "")")
            }(),
            inputs: inputs(), sources: [Sources.fisher2010, Sources.bilsky2010, Sources.laufer2013] + extraSources, claims: claims + consultationClaims,
            // The emergency's time (NICE NG234, cited with it): definitive treatment within 24 hours.
            withinHours: severity == .urgent && (deficit || radicularMRI) ? 24 : nil)
    }
}
