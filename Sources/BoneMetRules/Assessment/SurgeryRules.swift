/// Surgery (duty 3), prevention first: Mirels for every long-bone lesion at every time point,
/// with the fixation alert; SINS, ESCC and a NOMS-style recommendation for every spinal lesion.
struct SurgeryRules {
    let index: CaseIndex

    /// Mirels at every anatomic study of every long-bone lesion. Each item is graded from the
    /// most recent record that can grade it as of that time point (issue #8): the lesion type from
    /// the latest study with a character, the size from the latest study with a fraction or a size
    /// class (plain film, or a measurement that gives the fraction), the pain from the latest
    /// pain record written before the next study (for the latest time point: by the assessment
    /// date). A later CT that cannot grade the size never erases the film's grade.
    func mirelsHistory() -> [MirelsPoint] {
        index.seenLesions.flatMap { lesion -> [MirelsPoint] in
            guard let site = lesion.mirelsSite, index.notForMetastasisScores(lesion.id) == nil, index.uptakeWithoutDestruction(lesion.id) == nil,
                index.degenerativePicture(lesion.id) == nil
            else { return [] }
            let points = index.presentPoints(lesion.id).filter(\.readsBone)
            // Studies of one day are one examination (an X-ray and an MRI of the same morning):
            // one score, from all their readings — the MRI's point, without the film's size and
            // before the pain of that day, read "2026-09-25 7–11, 2026-09-25 7" (cb21-l).
            return points.indices.filter { i in i + 1 == points.count || points[i + 1].study.date != points[i].study.date }.map { i in
                let point = points[i]
                let next = points[(i + 1)...].first { $0.study.date != point.study.date }?.study.date
                // Nothing read before an operation that removed the lesion counts after it.
                let removed = index.lastRemoval(lesion.id, onOrBefore: point.study.date)
                let upTo = points[...i].filter { earlier in removed.map { earlier.study.date.earliestDay > $0.latestDay } ?? true }
                // Of two readings of the latest day, the worse (`latestWorst`).
                let typed = CaseIndex.latestWorst(upTo, { $0.character?.mirels }, rank: \.points, prefer: CaseIndex.filmOrCT)?.point
                let sized = CaseIndex.latestWorst(upTo, Self.mirelsSize, rank: \.points, prefer: CaseIndex.filmOrCT)?.point
                let pain = index.record.pain.filter { record in
                    record.lesion == lesion.id && record.mirelsGrade != nil && index.known(record.date)
                        && (removed.map { record.date.earliestDay > $0.latestDay } ?? true)
                        && (next.map { record.date.earliestDay < $0.earliestDay } ?? true)
                        && regimenSincePain(record.date, study: point.study.date) == nil
                }.max(by: CaseIndex.painOrder)
                let size = sized.flatMap { Self.mirelsSize($0.observation) }
                let possibleSites = lesion.mirelsSitesPossible
                let input = Mirels.Input(
                    site: possibleSites == nil ? site : nil, siteAmong: possibleSites, pain: pain?.mirelsGrade,
                    lesion: typed?.observation.character?.mirels, size: size)
                var provenance: [(key: String, from: MirelsPoint.Source)] = [("site", lesion.proximalNoteOnly ? .proximalNote : .lesionRecord(siteSettled: possibleSites == nil))]
                if let typed {
                    let other = Self.disagreeing(upTo, chosen: typed, { $0.character?.mirels }, rank: \.points)
                    provenance.append(("lesion", other.map { .worseOf(typed.study, other: $0.study, otherValue: $0.value.label) } ?? .study(typed.study)))
                }
                if let sized {
                    let other = Self.disagreeing(upTo, chosen: sized, Self.mirelsSize, rank: \.points)
                    provenance.append(("size", other.map { .worseOf(sized.study, other: $0.study, otherValue: $0.value.label) } ?? .study(sized.study)))
                }
                if let pain { provenance.append(("pain", .pain(pain.date, painFree: pain.mirels == nil))) }
                // The pain left out for a regimen since: said where "unknown" would be.
                else if let earlier = index.record.pain.filter({ $0.lesion == lesion.id && $0.mirelsGrade != nil && index.known($0.date) })
                    .max(by: CaseIndex.painOrder), let regimen = regimenSincePain(earlier.date, study: point.study.date) {
                    provenance.append(("pain", .painBeforeRegimen(earlier.date, regimen)))
                }
                return MirelsPoint(
                    lesion: lesion.id, study: point.study, input: input, result: Mirels.evaluate(input, settings: index.settings),
                    provenance: provenance)
            }
        }
    }

    /// The size class a reading gives: read directly, or from the fraction of the diameter.
    static func mirelsSize(_ observation: LesionObservation) -> Mirels.Size? {
        observation.mirelsSize ?? observation.fractionOfDiameter.map(Mirels.Size.of(fraction:))
    }

    /// Broken: a recorded fracture event of the lesion, or a fracture the imaging reports. A
    /// fracture the record calls resolved (healed; an EHR condition resolved or abated) and no
    /// imaging shows is history: the bone is scored for its risk again rather than sent for
    /// fixation (it still counts as a skeletal-related event).
    func fractured(_ id: String) -> Bool {
        index.record.events.contains { $0.kind == .pathologicalFracture && $0.isCurrent && $0.lesion == id && index.known($0.date) }
            || index.imagedFractures.contains { $0.lesion.id == id && $0.point.observation.fracture == true }
    }

    /// Pain graded for Mirels in a record that names no lesion, where the score has no pain of
    /// its own: said with what the score would be if it is this limb's. A breast cancer's
    /// "functional pain, NRS 7" was recorded for the patient, and the femur read "pain unknown"
    /// with nothing of it (unseen record cb20-t). Never scored as this limb's: the record does
    /// not say where it hurts.
    private func siteLessPain(_ point: MirelsPoint) -> LocalizedText {
        guard point.input.pain == nil, let record = index.latestSitelessPain(where: { $0.mirelsGrade != nil }), let grade = record.mirelsGrade
        else { return LocalizedText(en: "", zh: "") }
        var input = point.input
        input.pain = grade
        let total = Mirels.evaluate(input, settings: index.settings).total
        let text = total.score.map(String.init) ?? "\(total.min)–\(total.max)"
        let sentence = Self.sitelessPainSentence(
            record, grade: grade.label, painFree: record.mirels == nil, scale: "Mirels", part: LocalizedText(en: "limb", zh: "肢体"), score: text,
            lowestGrade: LocalizedText(en: "pain at its lowest grade, mild", zh: "疼痛按最低一级轻度计"))
        return LocalizedText(en: " " + sentence.en, zh: sentence.zhHans)
    }

    /// The first day the lesion is known broken: its current fracture event or the first study
    /// that shows the fracture, whichever is earlier.
    private func fractureDay(_ id: String) -> Int? {
        let recorded = index.record.events.filter { $0.kind == .pathologicalFracture && $0.isCurrent && $0.lesion == id && index.known($0.date) }
            .map(\.date.earliestDay)
        let imaged = index.imagedFractures.filter { $0.lesion.id == id && $0.point.observation.fracture == true }.map(\.point.study.date.earliestDay)
        return (recorded + imaged).min()
    }

    private func protection(_ id: String) -> Treatment? {
        index.localTreatments(id, kind: .surgery).first { $0.procedure?.protectsLongBone ?? false }
    }

    func findings(history: [MirelsPoint], prognosis: PrognosisRules.Scores? = nil, timePoints: [TimePointResponse] = []) -> [Finding] {
        mirelsFindings(history, katagiri: prognosis?.katagiri, timePoints: timePoints) + spineFindings(systemicStatus(prognosis), timePoints: timePoints) + notAssessableFindings() + notMetastasisFindings()
            + compressionOtherCauseFindings() + [deficitWithoutSpinalLesionFinding()].compactMap { $0 } + unscoredBoneFindings()
            + postoperativeRadiotherapyFindings() + lapsedPlanFindings() + [unplacedFractureFinding()].compactMap { $0 }
    }

    /// A lesion a biopsy settled as not a metastasis: said once, with what follows — a primary
    /// bone tumour or giant cell tumour goes to bone-tumour surgery (resection, never a nail);
    /// a benign or degenerative lesion needs no metastasis scoring or fixation.
    private func notMetastasisFindings() -> [Finding] {
        index.seenLesions.compactMap { lesion -> Finding? in
            guard let result = index.notForMetastasisScores(lesion.id), let biopsy = index.diagnosticBiopsy(lesion.id) else { return nil }
            let name = index.label(lesion)
            let tumour = result == .primaryBoneTumour || result == .giantCellTumour
            let action = tumour
                ? LocalizedText(
                    en: "Refer to bone-tumour surgery for staging and oncological treatment (resection or curettage by the tumour's own rules) — never intramedullary nailing; Mirels and SINS, scored for metastases, do not apply.",
                    zh: "转骨肿瘤外科分期并按肿瘤本身原则治疗（切除或刮除）——切勿髓内钉固定；Mirels 和 SINS 为转移瘤而设，不适用。")
                : LocalizedText(
                    en: "Not a metastasis: no metastasis scores (Mirels, SINS), no fixation for it, and it is left out of the response assessment; follow as its own diagnosis requires.",
                    zh: "非转移：不做转移瘤评分（Mirels、SINS），不因其行内固定，也不纳入疗效评估；按其本身诊断随访。")
            return Finding(
                ruleId: "diagnosis.biopsy.notMetastasis", severity: tumour ? .warning : .info, duty: .diagnosis, specialty: .orthopaedics,
                subject: .lesion(lesion.id), date: biopsy.date,
                title: LocalizedText(en: "\(name.en): biopsy shows \(result.label.en), not a metastasis", zh: "\(name.zhHans)：活检为\(result.label.zhHans)，非转移"),
                detail: LocalizedText(
                    en: "Biopsy of \(biopsy.date)\(biopsy.histology.map { ": \($0)" } ?? ""). \(action.en)",
                    zh: "\(biopsy.date) 活检\(biopsy.histology.map { "：\($0)" } ?? "")。\(action.zhHans)"),
                inputs: [FindingInput("biopsyResult", result.rawValue)],
                sources: [DiagnosisRules.sourceHospital], claims: tumour ? [Claim(.fixation, about: lesion.id, "notIndicated")] : [])
        }
    }

    /// The latest pain score of a lesion and its sentence ("Pain on record: NRS 7 (date).", or
    /// that none is recorded), for the bones no score covers.
    func painOnRecord(_ id: String) -> (record: PainRecord?, text: LocalizedText) {
        let pain = index.pain(for: id, onOrBefore: index.assessedOn).last { $0.nrs != nil }
        let text = pain.flatMap { record in
            record.nrs.map { LocalizedText(en: " Pain on record: NRS \($0) (\(record.date)).", zh: "疼痛记录：NRS \($0)（\(record.date)）。") }
        } ?? LocalizedText(en: " No pain recorded for it.", zh: "未记录该部位疼痛。")
        return (pain, text)
    }

    // MARK: Long bones

    private func mirelsFindings(_ history: [MirelsPoint], katagiri: Katagiri.Result? = nil, timePoints: [TimePointResponse] = []) -> [Finding] {
        let shortSurvival = Self.fixationSurvivalNote(katagiri)
        let byLesion = Dictionary(grouping: history, by: \.lesion)
        return byLesion.keys.sorted().compactMap { id -> Finding? in
            guard let points = byLesion[id], let latest = points.last, let lesion = index.lesionsById[id] else { return nil }
            let name = index.label(lesion)
            let fractured = fractured(id)
            let protected = protection(id)
            let total = latest.result.total
            let scoreText = total.score.map(String.init) ?? "\(total.min)–\(total.max)"
            // The texts of the details and the inputs, written only where wanted (`assess(details:)`:
            // a stored row is the title).
            func historyText() -> (en: String, zh: String) {
                let scores = points.map { ($0.study.date, $0.result.total.score.map(String.init) ?? "\($0.result.total.min)–\($0.result.total.max)") }
                return (scores.map { "\($0.0) \($0.1)" }.joined(separator: ", "), scores.map { "\($0.0) \($0.1) 分" }.joined(separator: "，"))
            }
            func inputs() -> [FindingInput] {
                var inputs = latest.result.components.map { FindingInput($0.key, $0.value ?? "unknown") }
                inputs += latest.provenance.map { FindingInput("\($0.key).from", $0.from.text.en) }
                inputs.append(FindingInput("threshold", latest.result.threshold.description))
                inputs.append(FindingInput("history", historyText().en))
                return inputs
            }
            func baseText() -> LocalizedText {
                let history = historyText()
                let items = Self.itemsText(latest)
                let band = latest.result.band?.info.label ?? LocalizedText(en: "band undetermined", zh: "分级未定")
                let caveats = Self.caveats(lesion)
                // A pathological fracture on record with no lesion named may be this bone: a femur at
                // Mirels 11–12 read "impending fracture — prophylactic fixation" beside a fracture of
                // unrecorded site, which the record cannot place.
                let unplaced = fractured ? nil : index.record.events.last { event in
                    event.kind == .pathologicalFracture && event.lesion == nil && event.isCurrent && index.known(event.date)
                }
                let unplacedText = unplaced.map { event in
                    LocalizedText(
                        en: " A pathological fracture of unrecorded site is on record (\(event.date)): if it is this bone, it has broken and Mirels no longer applies — record the fracture's lesion.",
                        zh: "病历中有一处未记录部位的病理性骨折（\(event.date)）：若即为此骨，则已发生骨折，Mirels 评分不再适用——请记录该骨折所在病灶。")
                } ?? LocalizedText(en: "", zh: "")
                let siteless = siteLessPain(latest)
                // A later X-ray, CT or MRI on record with its report only (`unreadSince`).
                let unread = Self.unreadSince(latest.study.date, lesion: lesion, modalities: [.xray, .ct, .mri, .petCt], index: index)
                    .map { LocalizedText(en: " " + $0.en, zh: $0.zhHans) } ?? LocalizedText(en: "", zh: "")
                let twin = laterTwinReading(of: id, after: latest.study.date, in: byLesion)
                // Read before a regimen that has acted since, nothing imaged after it (`scoredBeforeRegimen`).
                let before = (protected?.planned == false ? nil : Self.scoredBeforeRegimen(latest.study, lesion: lesion, index: index))
                    .map { LocalizedText(en: " " + $0.en, zh: $0.zhHans) } ?? LocalizedText(en: "", zh: "")
                return LocalizedText(
                    en: "Mirels \(scoreText) (\(items.en)); \(band.en). History: \(history.en). \(caveats.en)\(unplacedText.en)\(siteless.en)\(unread.en)\(twin.en)\(before.en)",
                    zh: "Mirels \(scoreText) 分（\(items.zhHans)）；\(band.zhHans)。历次：\(history.zh)。\(caveats.zhHans)\(unplacedText.zhHans)\(siteless.zhHans)\(unread.zhHans)\(twin.zhHans)\(before.zhHans)")
            }
            var sources = [Sources.mirels1989, Sources.damron2003]
            if lesion.bone == .humerus { sources.append(Sources.evans2008) }
            let open = index.biopsyFirstReasons(id)
            let surgical = surgicalContext(id, open: index.openDifferential(id))
            if fractured, let failure = fractureAfterFixation(id, protected: protected) {
                return failure
            }
            if fractured {
                // A planned fixation of a broken bone is still to be done: it stays urgent.
                let needsFixation = protected == nil || protected?.planned == true
                // The bone has broken: Mirels (the risk of a fracture) and its caveats no longer
                // bear on the decision — the finding led with "Mirels 9–11 … high risk … specificity
                // is low" for a femur that had already fractured.
                // The last score is the last one before the bone broke: the film that shows the
                // fracture is no reading of its risk (a femoral neck broken on 08-11 read "last
                // score 7–11, 08-12" from the X-ray of the fracture; unseen record cb21-h).
                let brokenOn = fractureDay(id)
                let before = brokenOn.flatMap { day in points.last { $0.study.date.latestDay < day } }
                let lastScore = before.map { point -> LocalizedText in
                    let total = point.result.total
                    let text = total.score.map(String.init) ?? "\(total.min)–\(total.max)"
                    return LocalizedText(en: " (last score before it, \(text), \(point.study.date))", zh: "（骨折前最近评分 \(text) 分，\(point.study.date)）")
                } ?? LocalizedText(en: "", zh: "")
                let broken = LocalizedText(
                    en: "Pathological fracture: Mirels scores the risk of one and no longer applies\(lastScore.en).",
                    zh: "已发生病理性骨折：Mirels 评估的是骨折风险，已不再适用\(lastScore.zhHans)。")
                let sources = [Sources.mirels1989]
                let decided = protected == nil ? decisionSince(brokenOn) : nil
                let radiotherapy = protected == nil ? radiotherapyWithoutFixation(id, brokenOn: brokenOn) : nil
                // Undiagnosed, with a giant cell tumour's picture: its operation is bone-tumour surgery's.
                let tumourPicture = protected == nil && !open.isEmpty && index.loneGiantCellPicture?.id == id
                let lone = protected == nil && !open.isEmpty && !tumourPicture && index.loneUndiagnosedLesion?.id == id
                let status = tumourPicture ? Self.giantCellPictureAction(broken: true)
                    : lone ? Self.loneLesionAction(broken: true) : Self.fixationStatus(protected, lesion: lesion)
                if let decided {
                    return Self.decidedFractureFinding(id, name: name, lesion: lesion, lead: broken, decision: decided, inputs: inputs())
                }
                return Finding(
                    ruleId: "surgery.mirels.fractured", severity: needsFixation ? .urgent : .info, duty: .surgery,
                    specialty: .orthopaedics, subject: .lesion(id), date: latest.study.date,
                    title: lone && needsFixation ? Self.loneFractureTitle(name)
                        : Self.fracturedTitle(name, tissueFirst: needsFixation && !open.isEmpty, lesion: lesion, tumourPicture: tumourPicture),
                    detail: LocalizedText(
                        en: [
                            broken.en,
                            status.en,
                            radiotherapy?.en ?? "",
                            needsFixation ? surgical.en : "",
                            needsFixation ? shortSurvival?.en ?? "" : "",
                        ].filter { !$0.isEmpty }.joined(separator: " "),
                        zh: "\(broken.zhHans)\(status.zhHans)\(radiotherapy?.zhHans ?? "")\(needsFixation ? surgical.zhHans : "")\(needsFixation ? shortSurvival?.zhHans ?? "" : "")"),
                    // A broken bone's operation is weighed against a short survival as a
                    // prophylactic one is: a femoral neck fracture at New Katagiri 9 read
                    // "referral for fixation" with no word of it.
                    // Its operation's context (biopsy first, embolisation) and sources only while one is due.
                    inputs: inputs(), sources: sources + Self.reconstructionSources(protected, lesion: lesion) + (radiotherapy == nil ? [] : [Self.townsend1995])
                        + (needsFixation ? surgical.sources : [])
                        + (needsFixation && shortSurvival != nil ? [Sources.katagiri2014] : []),
                    claims: needsFixation ? Self.fixationClaims(id, open: open) : [])
            }
            if let protected, let progressing = progressionAfterFixation(id, fixation: protected, timePoints: timePoints, mirels: scoreText) {
                return progressing
            }
            if let protected {
                // Irradiated before a planned fixation: the source hospital's order is fixation
                // first (seed: prophylactic fixation before radiotherapy). A breast cancer's
                // peritrochanteric Mirels 11, 30 Gy given and the PFNA planned ten days after,
                // read "fixation planned" with no word of the course (unseen record cb78-ag).
                let irradiatedFirst = protected.planned
                    ? index.localTreatments(id, kind: .radiotherapy).last { course in
                        guard !course.planned, let start = course.start, index.known(start) else { return false }
                        return protected.start.map { start.earliestDay < $0.earliestDay } ?? true
                    } : nil
                let order = irradiatedFirst.map { course in
                    LocalizedText(
                        en: "Irradiated before it (\(course.label.en)): the order kept by the source hospital is fixation first, then radiotherapy — tell the surgeon that the field is irradiated.",
                        zh: "已先行放疗（\(course.label.zhHans)）：来源医院的顺序是先内固定、后放疗——请告知手术医生该部位已受照射。")
                }
                return Finding(
                    ruleId: "surgery.mirels.protected", severity: .info, duty: .surgery, specialty: .orthopaedics,
                    subject: .lesion(id), date: latest.study.date,
                    // Named as what was done: a resection with reconstruction is not "fixed".
                    title: protected.procedure?.removesLesion == true
                        ? LocalizedText(
                            en: "\(name.en): Mirels \(scoreText) — \(protected.planned ? "planned: " : "")\(protected.procedure?.label.en ?? "")",
                            zh: "\(name.zhHans)：Mirels \(scoreText) 分——\(protected.planned ? "已计划" : "已行")\(protected.procedure?.label.zhHans ?? "")")
                        : LocalizedText(
                            en: "\(name.en): Mirels \(scoreText) — \(protected.planned ? "fixation planned" : "fixed")",
                            zh: "\(name.zhHans)：Mirels \(scoreText) 分——\(protected.planned ? "已计划内固定" : "已内固定")"),
                    // A planned operation still needs what every surgical recommendation says
                    // (embolisation for a hypervascular metastasis) and the weight of a short
                    // survival: a planned nail of an HCC humerus said neither.
                    detail: { let base = baseText(); return LocalizedText(
                        en: [base.en, "\(protected.planned ? "Planned" : "Done"): \(protected.label.en).", order?.en ?? "", protected.planned ? surgical.en : "", protected.planned ? shortSurvival?.en ?? "" : ""]
                            .filter { !$0.isEmpty }.joined(separator: " "),
                        zh: "\(base.zhHans)\(protected.planned ? "已计划" : "已行")：\(protected.label.zhHans)。\(order?.zhHans ?? "")\(protected.planned ? surgical.zhHans : "")\(protected.planned ? shortSurvival?.zhHans ?? "" : "")") }(),
                    inputs: inputs(),
                    sources: sources + (protected.planned ? surgical.sources + (shortSurvival == nil ? [] : [Sources.katagiri2014]) : [])
                        + (order == nil ? [] : [Self.sourceHospitalSurgery]),
                    // A planned fixation says what the other surgical findings say of tissue —
                    // claimed, so that the consistency check sees it (rule set 2026.12.394).
                    claims: protected.planned ? Self.fixationClaims(id, open: open) : [])
            }
            if let operation = unprotectingOperation(id) {
                return operatedFinding(id, lesion: lesion, points: points, operation: operation)
            }
            if let absent = index.noLongerSeen(id) {
                return mirelsNoLongerSeenFinding(lesion, name: name, last: latest, absent: absent, inputs: inputs())
            }
            let implant = sameBoneImplant(lesion).map { Self.implantText($0, index: index) }
            switch latest.result.fixationAlert {
            case .some(true):
                let biopsyFirst = !open.isEmpty
                let tumourPicture = biopsyFirst && index.loneGiantCellPicture?.id == id
                let lone = biopsyFirst && !tumourPicture && index.loneUndiagnosedLesion?.id == id
                // Taken and awaited: the title asks for its result, as the detail does (a humerus
                // biopsied a fortnight before read "biopsy first").
                let first = index.awaitedBiopsy(id) == nil
                    ? LocalizedText(en: "biopsy first", zh: "先活检")
                    : LocalizedText(en: "biopsy result first", zh: "先等活检结果")
                // Irradiated already without fixation: "fix before radiotherapy" came too late to
                // say. Mirels's own risks are those after irradiation (Mirels 1989; reference.md),
                // so the course has not removed the risk (an 8 Gy to a Mirels 11 hip still read
                // "fix before radiotherapy").
                let irradiated = index.localTreatments(id, kind: .radiotherapy).last { !$0.planned }
                let when = irradiated.map { course in
                    LocalizedText(
                        en: "irradiated already (\(course.label.en)) without fixation: Mirels's fracture risks are those after irradiation (Mirels 1989), so the course has not removed it — fix it, before transfer or trial enrolment.",
                        zh: "已放疗（\(course.label.zhHans)）但未固定：Mirels 的骨折风险即为放疗后的风险（Mirels 1989），放疗并未消除该风险——应行内固定，并在转院或入组临床试验前完成。")
                } ?? LocalizedText(
                    en: "fix before radiotherapy, before transfer or trial enrolment.",
                    zh: "应在放疗前、转院或入组临床试验前行内固定。")
                let decision = decisionSince(latest.study.date.earliestDay)
                let decided = decision.map { Self.decisionText($0, lesion: lesion) }
                // A transfer or trial enrolment still to come keeps it urgent beside a decision:
                // the source hospital's patient left for a trial with the fixation decided and not
                // done, and fractured in transit (seed, surgery). A lung cancer's Mirels 10 femur,
                // "拟行PFNA内固定术" decided and a transfer five days off, read a warning (cb90-x).
                let departing = [index.record.plans.transfer, index.record.plans.trialEnrolment].contains { day in
                    day.map { $0.latestDay >= index.assessedOn.earliestDay } ?? false
                }
                // The decision on record (a warning, not urgent): the referral has happened, and the
                // title says so — "urgent orthopaedic referral" stood on a warning whose detail quoted
                // the orthopaedic decision (generated records, 2026-12-07; rule set 2026.12.390).
                let referral = (departing ? nil : decision).map { decision in
                    LocalizedText(en: "decision on record (\(decision.date))", zh: "已有决定（\(decision.date)）")
                } ?? LocalizedText(en: "urgent orthopaedic referral", zh: "紧急骨科转诊")
                return Finding(
                    ruleId: "surgery.mirels.impendingFracture", severity: decided == nil || departing ? .urgent : .warning, duty: .surgery, specialty: .orthopaedics,
                    subject: .lesion(id), date: latest.study.date,
                    title: tumourPicture
                        ? Self.giantCellPictureTitle(name, score: scoreText, first: first)
                        : lone && implant == nil
                        ? Self.loneLesionTitle(name, score: scoreText, first: first)
                        : implant != nil
                        ? LocalizedText(
                            en: "\(name.en): impending fracture (Mirels \(scoreText)) — does the bone's implant span it? If not, \(biopsyFirst ? "\(first.en), then " : "")prophylactic fixation",
                            zh: "\(name.zhHans)：骨折风险高（Mirels \(scoreText) 分）——骨内已有内植物是否跨越该病灶？如否，\(biopsyFirst ? "\(first.zhHans)，再" : "")预防性内固定")
                        : biopsyFirst
                        ? LocalizedText(
                            en: "\(name.en): impending fracture (Mirels \(scoreText)) — \(first.en), then prophylactic fixation; \(referral.en)",
                            zh: "\(name.zhHans)：骨折风险高（Mirels \(scoreText) 分）——\(first.zhHans)，再预防性内固定；\(referral.zhHans)")
                        : LocalizedText(
                            en: "\(name.en): impending fracture (Mirels \(scoreText)) — prophylactic fixation, \(referral.en)",
                            zh: "\(name.zhHans)：骨折风险高（Mirels \(scoreText) 分）——预防性内固定，\(referral.zhHans)"),
                    detail: { let base = baseText(); let action = tumourPicture ? Self.giantCellPictureAction(broken: false) : Self.loneLesionAction(broken: false); return tumourPicture || (lone && implant == nil)
                        ? LocalizedText(
                            en: [implant?.en ?? "", base.en, action.en, decided?.en ?? "", surgical.en].filter { !$0.isEmpty }.joined(separator: " "),
                            zh: "\(implant?.zhHans ?? "")\(base.zhHans)\(action.zhHans)\(decided?.zhHans ?? "")\(surgical.zhHans)")
                        : LocalizedText(
                        en: [implant?.en ?? "", "\(base.en) At or above the fixation threshold (\(latest.result.threshold)): \(when.en)\(plannedContext(id).en) Prevention first: unfixed high-risk lesions fracture in transit and later.", decided?.en ?? "", surgical.en, shortSurvival?.en ?? ""].filter { !$0.isEmpty }.joined(separator: " "),
                        zh: "\(implant?.zhHans ?? "")\(base.zhHans)达到内固定阈值（\(latest.result.threshold)）：\(when.zhHans)\(plannedContext(id).zhHans)预防优先：未固定的高风险病灶会在转运途中或之后骨折。\(decided?.zhHans ?? "")\(surgical.zhHans)\(shortSurvival?.zhHans ?? "")") }(),
                    inputs: inputs(), sources: sources + surgical.sources + (shortSurvival == nil ? [] : [Sources.katagiri2014]), claims: Self.fixationClaims(id, open: open))
            case .none:
                return Finding(
                    ruleId: "surgery.mirels.incomplete", severity: .advisory, duty: .surgery, specialty: .orthopaedics,
                    subject: .lesion(id), date: latest.study.date,
                    title: LocalizedText(
                        en: "\(name.en): Mirels \(scoreText) may reach the fixation threshold — complete it",
                        zh: "\(name.zhHans)：Mirels \(scoreText) 分，可能达到内固定阈值——请补全评分"),
                    detail: { let base = baseText(); return LocalizedText(
                        en: "\(base.en) Missing: \(Self.missingText(total.missing).en).\(implant.map { " " + $0.en } ?? "")",
                        zh: "\(base.zhHans)缺失：\(Self.missingText(total.missing).zhHans)。\(implant?.zhHans ?? "")") }(),
                    inputs: inputs(), sources: sources)
            case .some(false):
                return Finding(
                    ruleId: "surgery.mirels.belowThreshold", severity: .info, duty: .surgery, specialty: .orthopaedics,
                    subject: .lesion(id), date: latest.study.date,
                    title: LocalizedText(en: "\(name.en): Mirels \(scoreText) — below the fixation threshold", zh: "\(name.zhHans)：Mirels \(scoreText) 分——低于内固定阈值"),
                    detail: { let base = baseText(); return LocalizedText(en: "\(base.en) Reassess at every study.", zh: "\(base.zhHans)每次复查时重新评分。") }(),
                    inputs: inputs(), sources: sources)
            }
        }
    }

    /// "site: peritrochanteric — from lesion record; pain: functional — from pain record of …" in each
    /// language (the colon as the Chinese text has it, rule set 2026.12.404).
    static func itemsText(_ point: MirelsPoint) -> LocalizedText {
        let parts = point.result.components.map { component -> LocalizedText in
            let value = component.valueLabel ?? LocalizedText(en: "unknown", zh: "未知")
            let source = point.provenance.first { $0.key == component.key }?.from
            let from = source?.text
            // A record left out is named as such, not as where the item came from.
            if case .painBeforeRegimen? = source, let from {
                return LocalizedText(en: "\(component.label.en): \(value.en) — \(from.en)", zh: "\(component.label.zhHans)：\(value.zhHans)（\(from.zhHans)）")
            }
            return LocalizedText(
                en: "\(component.label.en): \(value.en)\(from.map { " — from \($0.en)" } ?? "")",
                zh: "\(component.label.zhHans)：\(value.zhHans)\(from.map { "（依据 \($0.zhHans)）" } ?? "")")
        }
        return LocalizedText.joined(parts, en: "; ", zh: "；")
    }

    static let axelrod2021 = Citation(
        id: "axelrod2021",
        text: "Axelrod D, Gazendam AM, Ghert M. Curr Oncol 2021;28:3748-57 (surgical management of proximal femoral metastases: femoral head and neck — arthroplasty)")

    /// What was done for a broken long bone: its fixation, done or planned, or none on record —
    /// for the femoral head or neck an arthroplasty, as fixation heals poorly there (Axelrod 2021).
    static func fixationStatus(_ fixation: Treatment?, lesion: Lesion) -> LocalizedText {
        if let fixation {
            return LocalizedText(en: "\(fixation.planned ? "Planned" : "Treated"): \(fixation.label.en).", zh: "\(fixation.planned ? "已计划" : "已处理")：\(fixation.label.zhHans)。")
        }
        return lesion.isFemoralHeadOrNeck
            ? LocalizedText(
                en: "No operation on record: orthopaedic referral — a pathological fracture of the femoral head or neck is reconstructed by arthroplasty (hemiarthroplasty or total hip replacement), as fixation heals poorly there.",
                zh: "无手术记录：请骨科会诊——股骨头或股骨颈病理性骨折行关节置换（半髋或全髋置换），因该部位内固定难以愈合。")
            : LocalizedText(en: "No fixation on record: orthopaedic referral for fixation.", zh: "无内固定记录：请骨科会诊行内固定。")
    }

    /// The source of the head-or-neck reconstruction, when the fracture finding says it.
    static func reconstructionSources(_ fixation: Treatment?, lesion: Lesion) -> [Citation] {
        fixation == nil && lesion.isFemoralHeadOrNeck ? [axelrod2021] : []
    }

    static func fixationClaims(_ id: String, open: [LocalizedText]) -> [Claim] {
        open.isEmpty
            ? [Claim(.fixation, about: id, "fixNow")]
            : [Claim(.fixation, about: id, "biopsyFirst"), Claim(.biopsy, about: id, "biopsy")]
    }
}
