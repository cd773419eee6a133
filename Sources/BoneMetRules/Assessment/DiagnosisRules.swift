/// Diagnosis (duty 1): imaging by purpose, the bone window, uptake without destruction, pure
/// blastic lesions, biopsy indications and timing, EDTA decalcification (reference.md,
/// "Diagnosis and biopsy rules" and "Imaging by purpose"; the source hospital's rules).
struct DiagnosisRules {
    let index: CaseIndex
    /// Lesions a surgical finding proposes to fix or operate on now.
    var surgeryProposed: Set<String> = []
    /// Whether the myeloma differential is open (`DifferentialRules`): the survey it asks for is
    /// myeloma's own.
    var myelomaInDifferential = false
    /// The response time points (`ResponseRules`): a lesion they read as osteoblastic flare is
    /// said as such by the blastic-lesion findings.
    var timePoints: [TimePointResponse] = []

    static let hillengass2019 = Citation(
        id: "hillengass2019", text: "Hillengass J et al. Lancet Oncol 2019;20:e302-12 (IMWG: imaging in multiple myeloma)")
    static let sourceHospital = Citation(
        id: "sourceHospitalDiagnosis",
        text: "Xu HR (Beijing Jishuitan Hospital). Bone metastases: three things the orthopaedic surgeon wants to say — MDT talk; diagnosis and biopsy",
        zh: "徐海荣（北京积水潭医院）. 肿瘤骨转移——骨科大夫想说的三件事（MDT 对谈）：诊断与活检")
    static let vanEs2019 = Citation(id: "vanEs2019", text: "van Es SC et al. Am J Surg Pathol 2019 (decalcification and molecular pathology)")
    static let hamaoka2004 = Citation(id: "hamaoka2004", text: "Hamaoka T et al. J Clin Oncol 2004;22:2942-53 (timing of bone response)")

    func findings() -> [Finding] {
        var findings = ctWindowFindings() + [readingNotRecordedFinding()].compactMap { $0 } + imagingByPurposeFindings() + sameSiteFindings() + siteConflictFindings() + implausibleLabFindings() + sameDayConflictFindings() + absentTooSoonFindings() + misplacedCompressionFindings() + anotherCancerFindings()
        let uptakeOnly = uptakeWithoutDestruction()
        findings += uptakeOnly.findings + massWithoutDestructionFindings() + collapseWithoutDestructionFindings()
        // A broken bone whose sclerosis is the fracture's (`CaseIndex.destructionExcluded`) is
        // read by the collapse finding, not as a blastic lesion asking for a bone scan (cb64-n).
        let collapsed = Set(index.seenLesions.filter { index.collapseWithoutDestruction($0.id) != nil }.map(\.id))
        let blastic = blasticLesionFindings(excluding: uptakeOnly.lesions.union(collapsed))
        findings += blastic.findings
        let biopsy = biopsyIndicationFindings(excluding: uptakeOnly.lesions.union(blastic.handled))
        findings += biopsy
        // Advised by a finding that does not advise against one: "biopsy no longer recommended" (lesions healed
        // under therapy) is a biopsy finding too, and drew "ask pathology for EDTA" beside it
        // (unseen record cb61-g).
        let advises = biopsy.contains { !$0.claims.contains { $0.topic == .biopsy && $0.stance == "noBiopsy" } }
        findings += decalcificationFindings(biopsyAdvised: advises || blastic.biopsyAdvised || uptakeOnly.biopsyAdvised)
        findings += sameEpisodeFindings()
        if let search = primarySearchFinding() { findings.append(search) }
        if let conflict = performanceConflictFinding() { findings.append(conflict) }
        findings += neurologyConflictFindings()
        return findings
    }

    // MARK: Biopsy

    private func biopsyIndicationFindings(excluding: Set<String>) -> [Finding] {
        var findings: [Finding] = []
        let candidates = index.metastaticLesions.filter { !excluding.contains($0.id) && index.diagnosticBiopsy($0.id) == nil }
        // Not solitary beside a lesion proven to be another cancer (myeloma, lymphoma): the bone
        // holds more than one lesion, whichever disease this one proves to be.
        let solitary = index.metastaticSiteCount == 1 && !index.seenLesions.contains { index.anotherCancer($0.id) != nil }
        let anyBiopsied = index.seenLesions.contains { index.diagnosticBiopsy($0.id) != nil }
        if !index.hasKnownPrimary && !candidates.isEmpty && !anyBiopsied {
            let taken = LocalizedText.joined(candidates.compactMap(tissueNote), en: " ", zh: "")
            findings.append(Finding(
                ruleId: "diagnosis.biopsy.noKnownPrimary", severity: .warning, duty: .diagnosis, specialty: .orthopaedics,
                subject: .patient, date: index.assessedOn,
                title: LocalizedText(en: "Bone lesions without a known primary — pathology needed", zh: "骨病灶但原发灶不明——需要病理"),
                detail: LocalizedText(
                    en: "Up to about 30 % of patients present with bone metastasis and no known primary; myeloma, lymphoma and primary bone tumours must be excluded. Biopsy the most accessible lesion (lytic or mixed lesions at any time).\(taken.en.isEmpty ? "" : " " + taken.en)",
                    zh: "约 30% 的患者以骨转移首发且原发灶不明；需排除骨髓瘤、淋巴瘤和原发骨肿瘤。请活检最易取材的病灶（溶骨或混合性病灶随时可活检）。\(taken.zhHans)"),
                inputs: [FindingInput("lesions", candidates.map(\.id).joined(separator: ","))], sources: [Self.sourceHospital]))
        }
        var intervalOnly: [(lesion: Lesion, years: Int)] = []
        var intervalAnswered = false
        // Lesions whose only reason for tissue is a prostate cancer's lytic picture: one biopsy
        // answers them all when there are several (`oneFindingForLyticProstate`).
        var lyticOnly: [(lesion: Lesion, finding: Finding)] = []
        for lesion in candidates {
            var reasons: [LocalizedText] = []
            var inputs: [FindingInput] = []
            // A lesion of a myeloma on record is its bone disease (`openDifferential`): only an
            // operation planned on it asks for its tissue.
            let ownDisease = index.myelomaBoneDisease(lesion.id) || index.lymphomaBoneDisease(lesion.id)
            // A solitary lesion that once healed completely under hormonal therapy and has grown
            // since: its nature is answered (`CaseIndex.healedUnderHormonalTherapy`) — no primary
            // bone tumour or myeloma heals so; said below when nothing else asks for tissue.
            let healedOnce = index.sclerosedUnderTherapy(lesion.id) == nil ? index.healedUnderHormonalTherapy[lesion.id] : nil
            // Shown metastatic elsewhere, the only lesion known is no solitary lesion of unknown
            // nature (`CaseIndex.metastaticElsewhere`) — unless an operation is proposed on it:
            // never nail an undiagnosed solitary lesion (the Mirels or spine finding says so).
            let elsewhere = !surgeryProposed.contains(lesion.id) && index.metastaticElsewhere(lesion.id)
            if solitary && !ownDisease && healedOnce == nil && !elsewhere {
                // Without a whole-body survey the lesion is the only one known, not one known to
                // be alone (an HCC's T6 was "solitary" with no bone scan or PET-CT on record).
                // New lesions a study did not itemise: the only one recorded, not one known alone.
                if index.skeletonSurveyed, let study = index.latestUnitemisedStudy {
                    reasons.append(LocalizedText(
                        en: "bone lesion of unknown nature, the only one recorded (the \(study.modality.label.en) of \(study.date) shows new lesions not itemised)",
                        zh: "性质不明的骨病灶，目前唯一有记录（\(study.date) \(study.modality.label.zhHans)所示新发病灶未逐一记录）"))
                } else if !index.skeletonSurveyed, let study = index.latestReportOnlySurvey {
                    reasons.append(LocalizedText(
                        en: "bone lesion of unknown nature, the only one recorded (the \(study.modality.label.en) of \(study.date) is on record as its report only: record its lesions)",
                        zh: "性质不明的骨病灶，目前唯一有记录（\(study.date) \(study.modality.label.zhHans)仅有报告文本：请录入其病灶）"))
                } else {
                reasons.append(index.skeletonSurveyed
                    ? LocalizedText(en: "solitary bone lesion of unknown nature", zh: "性质不明的孤立骨病灶")
                    : LocalizedText(
                        en: "bone lesion of unknown nature, the only one known (no whole-body survey yet)",
                        zh: "性质不明的骨病灶，目前唯一已知（尚未行全身检查）"))
                }
                inputs.append(FindingInput("solitary", "true"))
            }
            let surgeryPlanned = index.treatments.contains { $0.planned && index.isOperation($0) && $0.lesions.contains(lesion.id) }
            if surgeryPlanned {
                reasons.append(LocalizedText(en: "planned for surgery: confirm pathology before or during the operation", zh: "计划手术：术前或术中确认病理"))
                inputs.append(FindingInput("surgeryPlanned", "true"))
            }
            // Not for a lesion whose only possible disease is a lymphoma or myeloma on record:
            // "unusual" is a carcinoma's metastasis below the elbow or knee. A DLBCL proven in
            // the distal femur, R-CHOP begun, and its proximal tibia hot on the same staging
            // PET-CT read "biopsy indicated — unusual site" (unseen record cb78-ac).
            if lesion.bone.isDistalToElbowOrKnee && !ownDisease && index.bloodCancer(lesion.id) == nil {
                reasons.append(LocalizedText(en: "unusual site (distal to the elbow or knee)", zh: "少见部位（肘或膝以远）"))
                inputs.append(FindingInput("bone", lesion.bone.rawValue))
            }
            if index.primaryUndecided(lesion.id) {
                let names = LocalizedText.joined(index.primaryCandidates(for: lesion.id).map(\.label), en: " or ", zh: "或")
                reasons.append(LocalizedText(
                    en: "more than one candidate primary (\(names.en)): the prognosis scores, radiosensitivity and systemic therapy depend on which",
                    zh: "可能来源于多个原发灶（\(names.zhHans)）：预后评分、放疗敏感性和全身治疗都取决于其来源"))
                inputs.append(FindingInput("candidatePrimaries", index.primaryCandidates(for: lesion.id).map(\.id).joined(separator: ",")))
            }
            if !ownDisease, let lytic = lyticInProstate(lesion) {
                reasons.append(lytic)
                inputs.append(FindingInput("lyticInProstateCancer", "true"))
            }
            let ownReasons = !reasons.isEmpty
            if !ownDisease, let years = index.longDiseaseFreeInterval(endedBy: lesion.id) {
                reasons.append(Self.longIntervalReason(years, settings: index.settings))
                inputs.append(FindingInput("diseaseFreeYears", years.description))
                // The interval is the patient's, not the lesion's: one biopsy answers it (a
                // lesion seen after a diagnostic biopsy is not open on its account). Said once
                // below unless a lesion with reasons of its own is biopsied anyway.
                if !ownReasons {
                    intervalOnly.append((lesion, years))
                    continue
                }
                intervalAnswered = true
            }
            guard !reasons.isEmpty else {
                if solitary && !ownDisease, let healedOnce { findings.append(healedOnceFinding(lesion, on: healedOnce)) }
                continue
            }
            let list = LocalizedText.joined(reasons, en: "; ", zh: "；")
            let taken = index.openBiopsy(lesion.id)
            if let operation = index.operationWithoutPathology(lesion.id) {
                findings.append(operatedFinding(lesion, operation: operation, reasons: list, inputs: inputs, surgeryPlanned: surgeryPlanned))
                continue
            }
            // Healed into blastic bone under systemic therapy, no biopsy taken, and no operation
            // planned or proposed on it (tissue is then taken at it): the time for it has passed,
            // as for the lesions a long interval left open (`intervalHealedFinding`). A breast
            // cancer's T11, lytic at diagnosis and completely filled in after two years of
            // letrozole (MDA CR), read "biopsy indicated … lytic or mixed lesions can be biopsied
            // at any time" (unseen record cb21-n).
            if !surgeryPlanned, !surgeryProposed.contains(lesion.id), taken == nil, let healed = index.sclerosedUnderTherapy(lesion.id) {
                findings.append(healedFinding(lesion, on: healed, reasons: list))
                continue
            }
            // Seen only as tracer uptake (bone scan, PET without its CT read): uptake is not a
            // diagnosis (scenario 2 — bone destruction on the CT bone window is the key evidence),
            // so the X-ray and CT of it come before the needle. A breast cancer's proximal tibia,
            // hot on the bone scan and outside the chest CT, read "biopsy indicated … lytic or
            // mixed lesions can be biopsied at any time" with no reading of its character (cb28-d).
            if taken == nil, index.seenOnlyAsUptake(lesion.id) {
                findings.append(uptakeOnlyBiopsyFinding(lesion, reasons: list, inputs: inputs, surgeryPlanned: surgeryPlanned))
                continue
            }
            let pending = taken?.awaitsResult ?? false
            var status = index.openBiopsyNote(lesion.id).map { LocalizedText(en: " " + $0.en, zh: $0.zhHans) } ?? LocalizedText(en: "", zh: "")
            // A vertebra compressing with a deficit: the decompression does not wait for a needle
            // (the spine finding: "tissue at the operation"); "can be biopsied at any time" beside
            // it read as a step before the emergency (cb88-c).
            if lesion.isSpinal, index.latestNeurology(for: lesion.id)?.showsDeficit == true
                || (index.lesions.filter(\.isSpinal).count == 1 && index.latestNeurology().map { $0.lesion == nil && $0.showsDeficit } == true)
            {
                status = LocalizedText(
                    en: "\(status.en) With a neurological deficit the decompression does not wait for a biopsy: tissue at the operation (frozen section before any implant).",
                    zh: "\(status.zhHans)存在神经功能障碍时减压手术不等待活检：术中取病理（置入内固定前行冰冻切片）。")
            }
            if let taken { inputs.append(FindingInput("previousBiopsy", "\(taken.date) \(taken.result?.rawValue ?? "pending")")) }
            let finding = Finding(
                ruleId: "diagnosis.biopsy.indicated", severity: surgeryPlanned ? .warning : .advisory, duty: .diagnosis,
                specialty: .orthopaedics, subject: .lesion(lesion.id), date: index.firstSeen(lesion.id),
                title: taken == nil
                    ? LocalizedText(en: "\(index.label(lesion).en): biopsy indicated", zh: "\(index.label(lesion).zhHans)：有活检指征")
                    : pending
                    ? LocalizedText(en: "\(index.label(lesion).en): biopsy indicated — result pending", zh: "\(index.label(lesion).zhHans)：有活检指征——结果待报告")
                    : LocalizedText(en: "\(index.label(lesion).en): biopsy indicated — the last was not diagnostic, repeat it", zh: "\(index.label(lesion).zhHans)：有活检指征——上次活检未能确诊，需重复"),
                detail: LocalizedText(
                    en: "\(list.en). Pathology is the gold standard when imaging cannot decide; lytic or mixed lesions can be biopsied at any time.\(status.en)",
                    zh: "\(list.zhHans)。影像无法定性时病理是金标准；溶骨或混合性病灶随时可活检。\(status.zhHans)"),
                inputs: inputs, sources: [Self.sourceHospital] + (inputs.contains { $0.name == "lyticInProstateCancer" } ? [Self.aparicio2013] : []),
                claims: [Claim(.biopsy, about: lesion.id, "biopsy")])
            findings.append(finding)
            if inputs.map(\.name) == ["lyticInProstateCancer"] { lyticOnly.append((lesion, finding)) }
        }
        if !intervalAnswered, let years = intervalOnly.map(\.years).max() {
            findings.append(intervalBiopsyFinding(intervalOnly.map(\.lesion), years: years))
        } else if intervalOnly.isEmpty, !intervalAnswered, let answered = intervalAnsweredByHealing(candidates) {
            findings.append(answered)
        }
        return oneFindingPerOperation(oneFindingForLyticProstate(lyticOnly, in: findings))
    }

    /// Where tissue of a lesion already is, or was asked for: its operation without pathology on
    /// record, named with the lesion, else its open biopsy (pending, non-diagnostic).
    private func tissueNote(_ lesion: Lesion) -> LocalizedText? {
        if let operation = index.operationWithoutPathology(lesion.id) {
            let operated = CaseIndex.operativeTissueNote(operation)
            return LocalizedText(en: "\(index.label(lesion).en): \(operated.en)", zh: "\(index.label(lesion).zhHans)：\(operated.zhHans)")
        }
        return index.openBiopsyNote(lesion.id)
    }

    /// A lesion that would be biopsied but was operated on: its operation's pathology first
    /// (`CaseIndex.operationWithoutPathology`).
    private func operatedFinding(
        _ lesion: Lesion, operation: Treatment, reasons: LocalizedText, inputs: [FindingInput], surgeryPlanned: Bool
    ) -> Finding {
        let day = operation.start.map(\.description) ?? ""
        let note = CaseIndex.operativeTissueNote(operation)
        return Finding(
            ruleId: "diagnosis.biopsy.indicated", severity: surgeryPlanned ? .warning : .advisory, duty: .diagnosis,
            specialty: .orthopaedics, subject: .lesion(lesion.id), date: index.firstSeen(lesion.id),
            title: LocalizedText(
                en: "\(index.label(lesion).en): pathology needed — operated on \(day), none on record",
                zh: "\(index.label(lesion).zhHans)：需要病理——已于 \(day) 手术，无病理记录"),
            detail: LocalizedText(
                en: "\(reasons.en). \(note.en) Pathology is the gold standard when imaging cannot decide.",
                zh: "\(reasons.zhHans)。\(note.zhHans)影像无法定性时病理是金标准。"),
            inputs: inputs + [FindingInput("operation", operation.id)], sources: [Self.sourceHospital],
            claims: [Claim(.biopsy, about: lesion.id, "biopsy")])
    }

    /// One lesion with a biopsy indication of its own (solitary, unusual site, undecided primary)
    /// that has healed under systemic therapy: what there is to do now.
    private func healedFinding(_ lesion: Lesion, on date: PartialDate, reasons: LocalizedText) -> Finding {
        let name = index.label(lesion)
        // Gone, not sclerotic: there is no bone to sample at all (`noLongerSeen`).
        let absent = index.noLongerSeen(lesion.id)
        // Its MRI signal normal again (MDA complete response on MRI): no marrow disease left to sample.
        let normalised = absent == nil
            ? index.presentPoints(lesion.id).last(where: \.readsBone).flatMap { point in
                point.study.modality == .mri && point.observation.normalSignal == true ? point.study : nil
            } : nil
        let title = absent != nil
            ? LocalizedText(en: "\(name.en): no longer seen under systemic therapy — biopsy no longer recommended", zh: "\(name.zhHans)：全身治疗中病灶已不可见——不再建议活检")
            : normalised != nil
            ? LocalizedText(en: "\(name.en): MRI signal normal again under systemic therapy — biopsy no longer recommended", zh: "\(name.zhHans)：全身治疗中 MRI 信号已恢复正常——不再建议活检")
            : LocalizedText(en: "\(name.en): healed under systemic therapy — biopsy no longer recommended", zh: "\(name.zhHans)：已在全身治疗中成骨修复——不再建议活检")
        let detail = absent.map { absent in
            LocalizedText(
                en: "A biopsy was indicated (\(reasons.en)); the \(absent.label.en), made while systemic therapy acted, no longer shows the lesion (MDA complete response): there is nothing left to sample. Should it be seen again, or a new lytic lesion appear, that is the one to biopsy.",
                zh: "曾有活检指征（\(reasons.zhHans)）；全身治疗期间的\(absent.label.zhHans)已不见该病灶（MDA 完全缓解）：已无可取材之处。若病灶再现，或出现新的溶骨性病灶，应对该病灶活检。")
        } ?? normalised.map { study in
            LocalizedText(
                en: "A biopsy was indicated (\(reasons.en)); on the \(study.label.en), made while systemic therapy acted, the lesion's marrow signal is normal again (MDA complete response): there is no tumour left to sample. Should it be seen again, or a new lytic lesion appear, that is the one to biopsy.",
                zh: "曾有活检指征（\(reasons.zhHans)）；全身治疗期间的\(study.label.zhHans)示该病灶骨髓信号已恢复正常（MDA 完全缓解）：已无肿瘤可取材。若病灶再现，或出现新的溶骨性病灶，应对该病灶活检。")
        } ?? LocalizedText(
            en: "A biopsy was indicated (\(reasons.en)); the lesion now reads blastic or completely filled in under systemic therapy (\(date)). A biopsy of blastic bone after systemic therapy started would likely sample reactive bone or necrosis. Should it turn lytic again, or a new lytic lesion appear, that is the one to biopsy.",
            zh: "曾有活检指征（\(reasons.zhHans)）；该病灶在全身治疗中已呈成骨性或完全硬化填充（\(date)）。全身治疗开始后对成骨性骨质活检，很可能只取到反应骨或坏死组织。若病灶再次出现溶骨，或出现新的溶骨性病灶，应对该病灶活检。")
        return Finding(
            ruleId: "diagnosis.biopsy.healed", severity: .info, duty: .diagnosis, specialty: .orthopaedics,
            subject: .lesion(lesion.id), date: date, title: title, detail: detail,
            inputs: [FindingInput("healedOn", "\(date)")] + (absent == nil ? [] : [FindingInput("noLongerSeen", "true")]),
            sources: [Self.sourceHospital, ResponseRules.sources[0]], claims: [Claim(.biopsy, about: lesion.id, "noBiopsy")])
    }

    /// A solitary lesion that healed completely under hormonal therapy and has grown since: the
    /// biopsy its solitude asked for is answered by that healing (information).
    private func healedOnceFinding(_ lesion: Lesion, on date: PartialDate) -> Finding {
        let name = index.label(lesion)
        return Finding(
            ruleId: "diagnosis.biopsy.healed", severity: .info, duty: .diagnosis, specialty: .orthopaedics,
            subject: .lesion(lesion.id), date: date,
            title: LocalizedText(
                en: "\(name.en): healed under hormonal therapy — its nature answered, no biopsy on that account",
                zh: "\(name.zhHans)：曾在内分泌治疗中完全修复——性质已明，无需为此活检"),
            detail: LocalizedText(
                en: "A solitary bone lesion of unknown nature asks for a biopsy; this one healed completely (blastic or filled in) under hormonal therapy (\(date)), as only a hormone-sensitive cancer does — not a primary bone tumour or myeloma. Its growth since is the cancer's progression; a biopsy at progression is for the receptors, not for this question. Should its picture not fit the cancer's course, pathology decides.",
                zh: "性质不明的孤立骨病灶需活检；该病灶曾在内分泌治疗中完全成骨修复（成骨性或完全硬化填充，\(date)），只有激素敏感的肿瘤会如此——原发骨肿瘤或骨髓瘤不会。其后的增大为该肿瘤的进展；进展时活检是为了复查受体，而非此问题。若其表现与该肿瘤病程不符，以病理定论。"),
            inputs: [FindingInput("healedOn", "\(date)")],
            sources: [Self.sourceHospital, ResponseRules.sources[0]], claims: [Claim(.biopsy, about: lesion.id, "noBiopsy")])
    }

    /// The tests acid decalcification ruins, named for the primary the lesions come from: a
    /// lung adenocarcinoma's record was told about "ER/PR/HER2" when its EGFR and ALK tests
    /// were at stake (van Es 2019: DNA/RNA and in-situ hybridisation fail after acid).
    var testsAtStake: LocalizedText {
        switch Set(index.bonePrimaryCandidates.map(\.site)) {
        case [.breast]: LocalizedText(en: "ER/PR/HER2 in-situ hybridisation and DNA/RNA", zh: "ER/PR/HER2 原位杂交及 DNA/RNA")
        case [.lung]: LocalizedText(en: "EGFR, ALK and other driver-gene tests (DNA/RNA, FISH)", zh: "EGFR、ALK 等驱动基因检测（DNA/RNA、FISH）")
        default: LocalizedText(en: "in-situ hybridisation (FISH) and DNA/RNA tests", zh: "原位杂交（FISH）及 DNA/RNA 检测")
        }
    }

    /// EDTA, not acid, when molecular tests are wanted (van Es 2019; the source hospital).
    private func decalcificationFindings(biopsyAdvised: Bool) -> [Finding] {
        var findings: [Finding] = []
        let tests = testsAtStake
        let wanted = index.record.plans.molecularTestsWanted == true
        // A specimen still at the laboratory (result pending) with molecular tests asked for and
        // its decalcification not recorded: the decalcifier can still be chosen — said of that
        // specimen. A lung cancer's pending pelvic biopsy, NGS requested, was told nothing.
        let atTheLab = index.record.biopsies.filter { biopsy in
            index.known(biopsy.date) && biopsy.awaitsResult
                && (biopsy.decalcification == nil || biopsy.decalcification == .unknown)
                && (wanted || !biopsy.molecularTests.isEmpty || impliedMolecularTests(lesion: biopsy.lesion, histology: biopsy.histology) != nil)
        }
        for biopsy in atTheLab {
            let implied = wanted || !biopsy.molecularTests.isEmpty ? nil : impliedMolecularTests(lesion: biopsy.lesion, histology: biopsy.histology)
            let asked = !biopsy.molecularTests.isEmpty
                ? LocalizedText(en: "\(biopsy.molecularTests.joined(separator: ", ")) requested", zh: "已申请 \(biopsy.molecularTests.joined(separator: "、"))")
                : implied.map { LocalizedText(en: "its cancer's metastases are tested for \($0.en)", zh: "该肿瘤的转移灶需行\($0.zhHans)") }
                ?? LocalizedText(en: "molecular tests are wanted", zh: "需要分子检测")
            let tests = implied ?? tests
            let site = biopsy.lesion.map { " (\(index.label(lesionId: $0).en))" } ?? ""
            let siteZh = biopsy.lesion.map { "（\(index.label(lesionId: $0).zhHans)）" } ?? ""
            findings.append(Finding(
                ruleId: "diagnosis.biopsy.edta", severity: .advisory, duty: .diagnosis, specialty: .pathology,
                subject: biopsy.lesion.map(FindingSubject.lesion) ?? .patient, date: biopsy.date,
                title: LocalizedText(
                    en: "Biopsy of \(biopsy.date)\(site), result pending: decalcify with EDTA",
                    zh: "\(biopsy.date) 活检\(siteZh)结果待报告：请用 EDTA 脱钙"),
                detail: LocalizedText(
                    en: "\(asked.en.sentenceStart) and the decalcification of this specimen is not recorded: acid decalcifiers ruin \(tests.en). Tell pathology to decalcify it with EDTA (or to test non-decalcified tissue), and record how it was decalcified.",
                    zh: "\(asked.zhHans)，而该标本的脱钙方式未记录：酸性脱钙液会破坏\(tests.zhHans)。请告知病理科用 EDTA 脱钙（或用未脱钙组织检测），并记录脱钙方式。"),
                inputs: [FindingInput("decalcification", "unknown"), FindingInput("molecularTests", biopsy.molecularTests.isEmpty ? "wanted" : biopsy.molecularTests.joined(separator: ","))],
                sources: [Self.vanEs2019, Self.sourceHospital]))
        }
        // A biopsy advised for a breast or (non-small-cell) lung cancer's bone: its receptors or
        // NGS are wanted by the cancer itself (reference.md), as for a specimen at the laboratory.
        // Only before any specimen is taken: one on record has its decalcifier chosen already
        // (the specimen findings speak of it).
        let noSpecimen = !index.record.biopsies.contains { index.known($0.date) }
        let impliedForPatient = wanted || !noSpecimen ? nil : impliedMolecularTests(lesion: nil, histology: nil)
        // A specimen awaiting its result whose decalcifier is recorded: the form is filled in
        // already — EDTA or none is right, acid draws its own warning (re-biopsy with EDTA). "Ask
        // pathology for EDTA" beside an acid-decalcified specimen awaited read as a second biopsy
        // order next to "await it rather than biopsy again".
        let awaitedDecalcified = index.record.biopsies.contains { biopsy in
            index.known(biopsy.date) && biopsy.awaitsResult
                && biopsy.decalcification != nil && biopsy.decalcification != .unknown
        }
        if (wanted || impliedForPatient != nil) && biopsyAdvised && atTheLab.isEmpty && !awaitedDecalcified {
            let detail = impliedForPatient.map { implied in
                LocalizedText(
                    en: "The cancer's bone metastases are tested for \(implied.en), which acid decalcifiers ruin. Request EDTA decalcification on the biopsy form.",
                    zh: "该肿瘤的骨转移灶需行\(implied.zhHans)，酸性脱钙液会破坏这些检测。请在活检申请单上注明 EDTA 脱钙。")
            } ?? LocalizedText(
                en: "Molecular tests are wanted (receptor re-testing, NGS, FISH): acid decalcifiers ruin \(tests.en). Request EDTA decalcification on the biopsy form.",
                zh: "需要分子检测（受体复测、NGS、FISH）：酸性脱钙液会破坏\(tests.zhHans)。请在活检申请单上注明 EDTA 脱钙。")
            findings.append(Finding(
                ruleId: "diagnosis.biopsy.edta", severity: .advisory, duty: .diagnosis, specialty: .pathology,
                subject: .patient, date: index.assessedOn,
                title: LocalizedText(en: "Ask pathology for EDTA decalcification", zh: "请病理科使用 EDTA 脱钙"),
                detail: detail,
                inputs: [FindingInput("molecularTestsWanted", wanted ? "true" : "implied")], sources: [Self.vanEs2019, Self.sourceHospital]))
        }
        if let tissue = tissueForMolecularTestsFinding(biopsyAdvised: biopsyAdvised, atTheLab: !atTheLab.isEmpty) { findings.append(tissue) }
        for biopsy in index.record.biopsies where biopsy.decalcification == .acid && index.known(biopsy.date) {
            // Only a specimen that is, or may be, the metastasis: a benign or myeloma result needs
            // no receptors or NGS of the solid cancer.
            let mayBeMetastasis = biopsy.result.map { [.metastasis, .pending, .nonDiagnostic].contains($0) } ?? true
            let implied = mayBeMetastasis ? impliedMolecularTests(lesion: biopsy.lesion, histology: biopsy.histology) : nil
            guard wanted || !biopsy.molecularTests.isEmpty || implied != nil else { continue }
            let tests = wanted || !biopsy.molecularTests.isEmpty ? tests : implied ?? tests
            findings.append(Finding(
                ruleId: "diagnosis.biopsy.acidDecalcified", severity: .warning, duty: .diagnosis, specialty: .pathology,
                subject: biopsy.lesion.map(FindingSubject.lesion) ?? .patient, date: biopsy.date,
                title: LocalizedText(en: "Biopsy of \(biopsy.date) was acid-decalcified", zh: "\(biopsy.date) 的活检标本经酸脱钙"),
                detail: biopsy.awaitsResult
                    // Awaited: its diagnosis comes from it; only the molecular tests need other tissue.
                    ? LocalizedText(
                        en: "Acid decalcification ruins \(tests.en): molecular results from this specimen may fail or mislead. Await its result for the diagnosis; for the molecular tests use non-decalcified material or re-biopsy with EDTA.",
                        zh: "酸脱钙会破坏\(tests.zhHans)：该标本的分子检测可能失败或误导。诊断请等待其结果；分子检测请使用未脱钙组织或以 EDTA 脱钙重新活检。")
                    : LocalizedText(
                        en: "Acid decalcification ruins \(tests.en): molecular results from this specimen may fail or mislead. Use non-decalcified material or re-biopsy with EDTA.",
                        zh: "酸脱钙会破坏\(tests.zhHans)：该标本的分子检测可能失败或误导。请使用未脱钙组织或以 EDTA 脱钙重新活检。"),
                inputs: [FindingInput("decalcification", "acid")], sources: [Self.vanEs2019]))
        }
        return findings
    }
}
