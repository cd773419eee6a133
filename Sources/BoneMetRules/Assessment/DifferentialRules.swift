/// Differential diagnosis red flags (reference.md): a metastasis must be told apart from
/// myeloma, primary bone tumours such as giant cell tumour, and degenerative joint disease;
/// and an undiagnosed solitary lesion must never be fixed before pathology.
struct DifferentialRules {
    let index: CaseIndex

    func findings() -> [Finding] {
        myeloma() + giantCellTumour() + degenerative() + solitaryBeforeFixation() + atypicalFemoralFractures()
            + vertebralFracturesAfterDenosumab()
    }

    static let rajkumar2014 = Citation(id: "rajkumar2014", text: "Rajkumar SV et al. Lancet Oncol 2014;15:e538-48 (IMWG myeloma-defining events, CRAB)")
    static let dimopoulos2009 = Citation(
        id: "dimopoulos2009",
        text: "Dimopoulos M et al. Leukemia 2009;23:1545-56 (IMWG imaging in myeloma: bone scintigraphy often misses lytic lesions)")
    static let chakarun2013 = Citation(id: "chakarun2013", text: "Chakarun CJ et al. Radiographics 2013;33:197-211 (giant cell tumour of bone)")

    private func myeloma() -> [Finding] {
        // A known plasma-cell primary is the answer, not a differential.
        if index.knownPrimaries.contains(where: \.isPlasmaCellDisease) { return [] }
        let monoclonal = index.monoclonalSigns()
        let age = index.ageNow
        // The age of the work-up (setting) is for lesions alone; a clonal protein on record
        // raises it at any age (cb23-d).
        guard monoclonal.isEmpty ? (age.map { $0 > index.settings.myelomaWorkupAgeAbove } ?? false) : !index.seenLesions.isEmpty else { return [] }
        // A biopsy that found the disease answers the question; so does lymphoma, whose staging
        // by haematology includes the marrow (a breast cancer's femur proven DLBCL still raised a
        // myeloma work-up).
        if index.record.biopsies.contains(where: { $0.result == .myeloma || $0.result == .metastasis || $0.result == .lymphoma }) { return [] }
        // A lesion its biopsy named (a giant cell tumour, a primary bone tumour, a benign or
        // degenerative lesion) is diagnosed: it raises no myeloma question. A breast cancer of
        // 2016 and a tibial giant cell tumour proven in 2026 read "biopsy shows giant cell tumour,
        // not a metastasis" beside "myeloma in the differential — a new lesion after a long
        // disease-free interval" (unseen record cb82-g2, rule set 2026.12.316).
        let open = index.seenLesions.filter { index.notForMetastasisScores($0.id) == nil }
        if open.isEmpty && monoclonal.isEmpty { return [] }
        // A lesion no longer seen is no lytic lesion now (`noLongerSeen`).
        let lytic = open.filter { index.characters($0.id).last == .lytic && index.noLongerSeen($0.id) == nil }
        var reasons: [LocalizedText] = []
        if lytic.count >= 2 { reasons.append(LocalizedText(en: "multiple lytic lesions (\(lytic.count))", zh: "多发溶骨性病灶（\(lytic.count) 处）")) }
        if !index.hasKnownPrimary && !open.isEmpty { reasons.append(LocalizedText(en: "no known primary", zh: "原发灶不明")) }
        var secondPrimary = false
        let longInterval = open.contains { index.longDiseaseFreeInterval(endedBy: $0.id) != nil }
        if longInterval {
            secondPrimary = true
            reasons.append(LocalizedText(en: "a new lesion after a long disease-free interval", zh: "长无病间期后出现新病灶"))
        }
        // Multiple lytic lesions in a patient with a recent known primary are the expected picture
        // of metastasis; they raise the flag together with an unknown primary or a long
        // disease-free interval (the seed's two myeloma cases), not alone.
        // Myeloma's lesions are lytic (reference.md: "multiple lytic lesions"): after a long
        // interval with a known primary, a lytic lesion is needed too — bone-scan foci of a
        // prostate cancer responding to ADT, none read as lytic, raised a myeloma work-up.
        // With a recent known primary, multiple lytic lesions raise the flag when they are cold on
        // the bone scan: myeloma's lesions are purely lytic and commonly not seen on bone
        // scintigraphy (IMWG, Dimopoulos 2009). A 65-year-old three years after a breast cancer,
        // with cold lytic skull, humerus and T6 lesions, calcium 12.1, creatinine 2.3 and
        // haemoglobin 8.8, was given no myeloma differential. Not for renal and thyroid cancers,
        // whose purely lytic metastases are often cold too (a bone scan shows the osteoblastic
        // response and misses purely lytic disease: Hamaoka 2004); nor on renal
        // insufficiency alone, which a nephrectomised renal cancer on dialysis has anyway.
        let cold = lytic.filter { lesion in
            index.points(lesion.id).contains { $0.study.modality == .boneScan && $0.observation.present && $0.observation.uptake == false }
        }
        let coldExpected = !index.bonePrimaryCandidates.isEmpty
            && index.bonePrimaryCandidates.allSatisfy { [.kidney, .thyroid].contains($0.site) }
        let pointsPast = index.hasKnownPrimary && !longInterval && lytic.count >= 2 && !cold.isEmpty && !coldExpected
        // Said whenever it is so, not only when it raises the flag: without a known primary the
        // cold lytic lesions are as telling (cb22-p: L2 hot, pelvis and skull lytic and cold).
        let coldSaid = !cold.isEmpty && !coldExpected && lytic.count >= 2
        if coldSaid {
            reasons.append(LocalizedText(
                en: "lytic lesions without uptake on the bone scan (\(cold.count)): myeloma's lesions are often not seen on bone scan",
                zh: "溶骨性病灶骨扫描无浓聚（\(cold.count) 处）：骨髓瘤病灶在骨扫描上常不显影"))
        }
        reasons.append(contentsOf: monoclonal)
        // A lytic lesion read only before any therapy, every other lesion healed under it since,
        // is the picture before treatment: it is imaged again first (`readOnlyBeforeTherapy`,
        // cb62-a) — as the biopsy finding says. Lesions still lytic or mixed keep the question.
        let unread = lytic.filter { index.readOnlyBeforeTherapy($0.id) != nil }
        let restHealed = !unread.isEmpty && index.metastaticLesions.allSatisfy { lesion in
            unread.contains { $0.id == lesion.id } || index.sclerosedUnderTherapy(lesion.id) != nil
        }
        let lyticNow = restHealed ? lytic.filter { index.readOnlyBeforeTherapy($0.id) == nil } : lytic
        guard !index.hasKnownPrimary || (longInterval && !lyticNow.isEmpty) || pointsPast || (!monoclonal.isEmpty && !lytic.isEmpty) else { return [] }
        // The CRAB features (IMWG) are read for the detail and the inputs only: not at all for a
        // stored row (`assess(details:)`), once where both are written.
        lazy var crab = index.crab()
        func detail() -> LocalizedText {
            let abnormal = crab.filter { $0.abnormal == true }
            let normal = crab.filter { $0.abnormal == false }
            let missing = crab.filter { $0.abnormal == nil && $0.value == nil }
            // Measured, but what decides the criterion is not on record (the clearance).
            let undetermined = crab.filter { $0.abnormal == nil && $0.value != nil }
            func list(_ features: [CaseIndex.CRABFeature]) -> LocalizedText {
                LocalizedText.joined(features.map { feature in
                    LocalizedText(en: "\(feature.name.en)\(feature.value.map { " \($0.en)" } ?? "")", zh: "\(feature.name.zhHans)\(feature.value.map { " \($0.zhHans)" } ?? "")")
                }, en: ", ", zh: "、")
            }
            var crabText = LocalizedText(en: "CRAB (IMWG):", zh: "CRAB（IMWG）：")
            if !abnormal.isEmpty {
                crabText = LocalizedText(en: "\(crabText.en) met — \(list(abnormal).en);", zh: "\(crabText.zhHans)已符合——\(list(abnormal).zhHans)；")
            }
            if !normal.isEmpty {
                crabText = LocalizedText(en: "\(crabText.en) not met — \(list(normal).en);", zh: "\(crabText.zhHans)未符合——\(list(normal).zhHans)；")
            }
            if !undetermined.isEmpty {
                crabText = LocalizedText(en: "\(crabText.en) undetermined — \(list(undetermined).en);", zh: "\(crabText.zhHans)未定——\(list(undetermined).zhHans)；")
            }
            // The last part ends the sentence ("…; Order serum" read as one).
            if crabText.en.hasSuffix(";") {
                crabText = LocalizedText(en: "\(crabText.en.dropLast()).", zh: "\(crabText.zhHans.dropLast())。")
            }
            let order = missing.isEmpty
                ? LocalizedText(en: "", zh: "")
                : LocalizedText(en: ", and \(list(missing).en) (not on record)", zh: "，以及\(list(missing).zhHans)（病历中未见）")
            let list = LocalizedText.joined(reasons, en: "; ", zh: "；")
            let extra = secondPrimary
                ? LocalizedText(en: " A second primary is also in the differential.", zh: "亦需考虑第二原发肿瘤。")
                : LocalizedText(en: "", zh: "")
            let setting = index.settings.myelomaWorkupAgeAbove
            // A birth year alone gives an age of two values, said as such (the PATHFx inputs say
            // "65–66" where this said "66"; unseen record cb121-a).
            let shown = index.ageRangeNow.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
            let ageText = age.map { age in
                age > setting
                    ? LocalizedText(en: "Age \(shown ?? "\(age)") (setting: > \(setting)) with ", zh: "年龄 \(shown ?? "\(age)") 岁（设置：> \(setting)），")
                    : LocalizedText(en: "Age \(shown ?? "\(age)") with ", zh: "年龄 \(shown ?? "\(age)") 岁，")
            } ?? LocalizedText(en: "Age not on record; ", zh: "年龄未记录；")
            return LocalizedText(
                en: "\(ageText.en)\(list.en). \(crabText.en) \(workUp().en)\(order.en); bone-marrow biopsy by haematology; pathology decides.\(extra.en)",
                zh: "\(ageText.zhHans)\(list.zhHans)。\(crabText.zhHans)\(workUp().zhHans)\(order.zhHans)；由血液科行骨髓活检；以病理定论。\(extra.zhHans)")
        }
        return [Finding(
            ruleId: "diagnosis.differential.myeloma", severity: .warning, duty: .diagnosis, specialty: .haematology,
            subject: .patient, date: index.assessedOn,
            title: LocalizedText(en: "Myeloma in the differential — work-up before treating as metastasis", zh: "需鉴别多发性骨髓瘤——按骨转移治疗前先行检查"),
            detail: detail(),
            inputs: [FindingInput("age", age.map(\.description) ?? "unknown"), FindingInput("monoclonalProtein", (!monoclonal.isEmpty).description), FindingInput("lyticLesions", lytic.count.description), FindingInput("knownPrimary", index.hasKnownPrimary.description)]
                + crab.map { FindingInput("crab.\($0.name.en)", $0.abnormal.map { $0 ? "abnormal" : "normal" } ?? "unknown") },
            sources: [DiagnosisRules.sourceHospital, Self.rajkumar2014] + (coldSaid ? [Self.dimopoulos2009] : []))]
    }

    /// The laboratory work-up still to order (IMWG: serum and urine protein electrophoresis with
    /// immunofixation, serum free light chains), without the tests already on record: a serum M
    /// protein measured means the serum electrophoresis was done — what remains is to type it —,
    /// a free light-chain ratio that the light chains were measured (cb79-f: an M protein of
    /// 32 g/L on record, and the finding still ordered the electrophoresis that found it).
    private func workUp() -> LocalizedText {
        let measured = index.latestLab(.mProtein)
        let lightChains = index.latestLab(.freeLightChainRatio) != nil
        // Electrophoresis that found no M protein: immunofixation is the more sensitive test.
        if let measured, (measured.canonicalValue ?? 0) <= 0 {
            return lightChains
                ? LocalizedText(
                    en: "Serum protein electrophoresis (no M protein) and free light chains on record: order serum immunofixation and urine protein electrophoresis with immunofixation",
                    zh: "已有血清蛋白电泳（未见 M 蛋白）及游离轻链结果：请查血清免疫固定电泳及尿蛋白电泳、免疫固定电泳")
                : LocalizedText(
                    en: "Serum protein electrophoresis (no M protein) on record: order serum immunofixation, urine protein electrophoresis with immunofixation and serum free light chains",
                    zh: "已有血清蛋白电泳（未见 M 蛋白）结果：请查血清免疫固定电泳、尿蛋白电泳及免疫固定电泳、血清游离轻链")
        }
        switch (measured != nil, lightChains) {
        case (false, false):
            return LocalizedText(
                en: "Order serum and urine protein electrophoresis with immunofixation and serum free light chains",
                zh: "请查血、尿蛋白电泳及免疫固定电泳、血清游离轻链")
        case (true, false):
            return LocalizedText(
                en: "Serum protein electrophoresis on record: type the M protein by immunofixation if not done, and order urine protein electrophoresis with immunofixation and serum free light chains",
                zh: "已有血清蛋白电泳结果：如未做免疫固定电泳，请行免疫固定电泳分型 M 蛋白，并查尿蛋白电泳及免疫固定电泳、血清游离轻链")
        case (false, true):
            return LocalizedText(
                en: "Serum free light chains on record: order serum and urine protein electrophoresis with immunofixation",
                zh: "已有血清游离轻链结果：请查血、尿蛋白电泳及免疫固定电泳")
        case (true, true):
            return LocalizedText(
                en: "Serum protein electrophoresis and free light chains on record: type the M protein by immunofixation if not done, and order urine protein electrophoresis with immunofixation",
                zh: "已有血清蛋白电泳及游离轻链结果：如未做免疫固定电泳，请行免疫固定电泳分型 M 蛋白，并查尿蛋白电泳及免疫固定电泳")
        }
    }

    /// An eccentric epiphyseal lytic lesion of a long bone in a young adult (age range: setting)
    /// raises giant cell tumour of bone (reference.md; Chakarun 2013). Outside the age range the
    /// picture is not that of giant cell tumour; with no age on record the flag says so.
    private func giantCellTumour() -> [Finding] {
        index.seenLesions.compactMap { lesion -> Finding? in
            guard let (point, age, fromNote) = index.giantCellPicture(lesion) else { return nil }
            let range = index.settings.giantCellTumourAgeMin...index.settings.giantCellTumourAgeMax
            let ageText = age.map { LocalizedText(en: "age \($0), within \(range.lowerBound)–\(range.upperBound) (setting)", zh: "年龄 \($0) 岁，在 \(range.lowerBound)–\(range.upperBound) 岁范围内（设置）") }
                ?? LocalizedText(en: "age not on record — the flag applies to young adults (\(range.lowerBound)–\(range.upperBound), setting)", zh: "病历无年龄——该提示适用于青壮年（\(range.lowerBound)–\(range.upperBound) 岁，设置）")
            // What the note gave is said with its words: the reading recorded neither way, and the
            // clinician sees where the picture came from.
            let noteText = fromNote.isEmpty ? LocalizedText(en: "", zh: "")
                : LocalizedText(
                    en: " (\(fromNote.count == 2 ? "epiphyseal and eccentric" : fromNote[0]) as the lesion's note says: \u{201C}\(lesion.note ?? "")\u{201D})",
                    zh: "（\(fromNote.count == 2 ? "骨骺、偏心" : fromNote[0] == "epiphyseal" ? "骨骺" : "偏心")据病灶备注：“\(lesion.note ?? "")”）")
            // The cancer history named only where there is one (a 27-year-old with no cancer on
            // record read "a cancer history does not make it a metastasis", unseen record cb99-f).
            let history = index.knownPrimaries.isEmpty
                ? LocalizedText(en: "Obtain pathology before treating.", zh: "治疗前请取病理。")
                : LocalizedText(en: "A cancer history does not make it a metastasis: obtain pathology before treating.", zh: "有肿瘤病史并不意味着就是转移：治疗前请取病理。")
            return Finding(
                ruleId: "diagnosis.differential.giantCellTumour", severity: age == nil ? .advisory : .warning, duty: .diagnosis, specialty: .orthopaedics,
                subject: .lesion(lesion.id), date: point.study.date,
                title: LocalizedText(en: "\(index.label(lesion).en): giant cell tumour in the differential", zh: "\(index.label(lesion).zhHans)：需鉴别骨巨细胞瘤"),
                detail: LocalizedText(
                    en: "An eccentric lytic lesion of the epiphysis of a long bone is typical of giant cell tumour of bone\(noteText.en); \(ageText.en). \(history.en)",
                    zh: "长骨骨骺偏心性溶骨性病灶是骨巨细胞瘤的典型表现\(noteText.zhHans)；\(ageText.zhHans)。\(history.zhHans)"),
                inputs: [
                    FindingInput("epiphyseal", "true"), FindingInput("eccentric", "true"), FindingInput("character", "lytic"),
                    FindingInput("age", age.map(String.init) ?? "unknown"),
                ] + (fromNote.isEmpty ? [] : [FindingInput("fromLesionNote", fromNote.joined(separator: ","))]),
                sources: [DiagnosisRules.sourceHospital, Self.chakarun2013])
        }
    }

    private func degenerative() -> [Finding] {
        index.seenLesions.compactMap { lesion -> Finding? in
            guard let point = index.presentPoints(lesion.id).last(where: { !$0.observation.degenerativeFeatures.isEmpty }) else { return nil }
            let features = point.observation.degenerativeFeatures
            // "Progression" seen only as more tracer uptake, with no bone destruction on X-ray/CT.
            let tracerOnly = !index.destructionSeen(lesion.id) && index.presentPoints(lesion.id).contains {
                $0.study.modality.isTracer && ($0.observation.uptakeChangePercent ?? 0) >= MDA.progressionIncreasePercent
            }
            let featureText = LocalizedText.joined(features.map(Self.featureLabel), en: ", ", zh: "、")
            var warning = tracerOnly
                ? LocalizedText(en: " The \"progression\" rests on bone scans alone: degenerative joints take up tracer too.", zh: "所谓“进展”仅依据骨扫描：退行性关节同样会浓聚示踪剂。")
                : LocalizedText(en: "", zh: "")
            // The whole picture and nothing of a tumour: not scored as a metastasis (its Mirels,
            // SINS and biopsy wait), said here so the clinician knows why they are absent.
            if index.degenerativePicture(lesion.id) != nil {
                warning = LocalizedText(
                    en: "\(warning.en) With all three and no bone destruction, soft-tissue mass or epidural tumour recorded, it is not scored as a metastasis (no Mirels or SINS, no biopsy advised on its account): if doubt remains — new pain at rest, growth, destruction — image it on the CT bone window or MRI; pathology decides.",
                    zh: "\(warning.zhHans)三者俱全且未记录骨质破坏、软组织肿块或硬膜外肿瘤：不按转移灶评分（不计 Mirels 或 SINS，亦不因此建议活检）；如仍有疑问——静息痛、增大或骨质破坏——请行 CT 骨窗或 MRI 检查；以病理定论。")
            }
            return Finding(
                ruleId: "diagnosis.differential.degenerative", severity: .warning, duty: .diagnosis, specialty: .orthopaedics,
                subject: .lesion(lesion.id), date: point.study.date,
                title: LocalizedText(en: "\(index.label(lesion).en): degenerative joint disease in the differential", zh: "\(index.label(lesion).zhHans)：需鉴别退行性骨关节病"),
                detail: LocalizedText(
                    en: "Periarticular change with \(featureText.en) on \(point.study.modality.label.en) (\(point.study.date)). Compare with X-ray before calling it metastasis or progression.\(warning.en)",
                    zh: "\(point.study.date) \(point.study.modality.label.zhHans) 示关节周围改变伴\(featureText.zhHans)。在判定转移或进展前请与 X 线对比。\(warning.zhHans)"),
                inputs: features.map { FindingInput($0, "true") }, sources: [DiagnosisRules.sourceHospital])
        }
    }

    static func featureLabel(_ key: String) -> LocalizedText {
        switch key {
        case "jointSpaceNarrowing": LocalizedText(en: "joint-space narrowing", zh: "关节间隙狭窄")
        case "osteophytes": LocalizedText(en: "osteophytes", zh: "骨赘")
        default: LocalizedText(en: "subchondral cysts", zh: "软骨下囊变")
        }
    }

    /// Never nail an undiagnosed lesion whose differential is open (a solitary lesion, no known
    /// primary, a long disease-free interval, several candidate primaries): a primary bone tumour
    /// must be excluded first (reference.md).
    private func solitaryBeforeFixation() -> [Finding] {
        index.metastaticLesions.compactMap { lesion -> Finding? in
            let open = index.openDifferential(lesion.id)
            guard !open.isEmpty else { return nil }
            let fixations = index.localTreatments(lesion.id, kind: .surgery).filter {
                ($0.procedure?.protectsLongBone ?? false) || $0.procedure == .stabilisation
            }
            guard let fixation = fixations.first(where: \.planned) ?? fixations.first else { return nil }
            let reasons = LocalizedText.joined(open, en: "; ", zh: "；")
            let name = index.label(lesion)
            // A nail and its canal are a limb long bone's: an acetabulum planned for curettage,
            // cement and a hip replacement read "nailing it spreads the tumour along the canal"
            // (cb28-j). Elsewhere an intralesional operation on an undiagnosed primary bone
            // tumour contaminates the field of the resection it needed.
            let canal = [Bone.femur, .humerus, .tibia, .fibula, .radius, .ulna].contains(lesion.bone)
            let harm = canal
                ? LocalizedText(
                    en: "nailing it spreads the tumour along the canal and compromises limb salvage",
                    zh: "髓内钉固定会使肿瘤沿髓腔播散，影响保肢")
                : LocalizedText(
                    en: "operating into it contaminates the field and compromises the resection with clear margins it would need",
                    zh: "经瘤手术会污染术野，影响其所需的切缘阴性切除")
            let act = canal || fixation.procedure == .stabilisation
                ? LocalizedText(en: "fixing", zh: "内固定")
                : LocalizedText(en: "operating on", zh: "手术")
            // Blastic under systemic therapy, no tissue: a needle biopsy would likely sample
            // reactive bone or necrosis, so the tissue is the operation's (frozen section before
            // any implant) — as the surgical findings say (`biopsyFirstReasons`). A bladder
            // cancer's blastic femur, irradiated and planned for fixation, read "Obtain pathology
            // first" here beside the Mirels finding's "fix it … tissue at the operation" (a
            // generated record, g131, rule set 2026.12.389).
            if fixation.planned && index.blasticUnderTherapy(lesion.id) {
                return Finding(
                    ruleId: "diagnosis.differential.solitaryBeforeFixation", severity: .warning,
                    duty: .diagnosis, specialty: .orthopaedics, subject: .lesion(lesion.id), date: fixation.start ?? index.assessedOn,
                    title: LocalizedText(
                        en: "\(name.en): frozen section at the operation before \(act.en) an undiagnosed lesion",
                        zh: "\(name.zhHans)：病灶未确诊，\(act.zhHans)前须行术中冰冻病理"),
                    detail: LocalizedText(
                        en: "No tissue diagnosis and the differential is open (\(reasons.en)). The lesion may be a primary bone tumour, myeloma or a second primary; \(harm.en). It is blastic under systemic therapy, where a needle biopsy would likely sample reactive bone or necrosis: send tissue for frozen section at the operation and place no implant before it answers.",
                        zh: "尚无病理诊断且鉴别诊断未定（\(reasons.zhHans)）。病灶可能是原发骨肿瘤、骨髓瘤或第二原发肿瘤；\(harm.zhHans)。病灶在全身治疗中呈成骨性，穿刺活检很可能只取到反应骨或坏死组织：术中送冰冻病理，结果回报前不植入内固定。"),
                    inputs: [
                        FindingInput("openDifferential", open.map(\.en).joined(separator: "; ")),
                        FindingInput("procedure", fixation.procedure?.rawValue ?? "unknown"), FindingInput("planned", "true"),
                        FindingInput("tissue", "atOperation"),
                    ],
                    sources: [DiagnosisRules.sourceHospital],
                    // The fixation stands, its tissue taken at it — the surgical findings' claim
                    // (`SurgeryRules.fixationClaims` with no biopsy-first reason); it also tells the
                    // blastic-lesion finding that surgery is proposed here.
                    claims: [Claim(.fixation, about: lesion.id, "fixNow")])
            }
            // Fixed already: what is left is the operation's tissue, or tissue now where it can
            // answer (`tissueAfterFixation`).
            let afterwards = fixation.planned ? nil : tissueAfterFixation(lesion)
            return Finding(
                ruleId: "diagnosis.differential.solitaryBeforeFixation", severity: fixation.planned ? .urgent : .warning,
                duty: .diagnosis, specialty: .orthopaedics, subject: .lesion(lesion.id), date: fixation.start ?? index.assessedOn,
                title: fixation.planned
                    ? LocalizedText(en: "\(name.en): biopsy before \(act.en) an undiagnosed lesion", zh: "\(name.zhHans)：病灶未确诊前先活检，再\(act.zhHans)")
                    : LocalizedText(en: "\(name.en): an undiagnosed lesion was fixed without a tissue diagnosis", zh: "\(name.zhHans)：病灶在未确诊时已行内固定"),
                // A fixation already done cannot be preceded by a biopsy: "obtain pathology first"
                // was said of a femur nailed a year and a half before. What is left to do is to
                // find the tissue of the operation, or take it now.
                detail: fixation.planned
                    ? LocalizedText(
                        en: "No tissue diagnosis and the differential is open (\(reasons.en)). The lesion may be a primary bone tumour, myeloma or a second primary; \(harm.en). Obtain pathology first.",
                        zh: "尚无病理诊断且鉴别诊断未定（\(reasons.zhHans)）。病灶可能是原发骨肿瘤、骨髓瘤或第二原发肿瘤；\(harm.zhHans)。请先取得病理。")
                    : LocalizedText(
                        en: "No tissue diagnosis on record and the differential is open (\(reasons.en)). The lesion may be a primary bone tumour, myeloma or a second primary\(canal ? "; nailing spreads such a tumour along the canal" : ""). Record the pathology of any tissue taken at the operation; \(afterwards?.text.en ?? "")",
                        zh: "病历中尚无病理诊断且鉴别诊断未定（\(reasons.zhHans)）。病灶可能是原发骨肿瘤、骨髓瘤或第二原发肿瘤\(canal ? "；髓内钉固定会使此类肿瘤沿髓腔播散" : "")。请补录术中所取组织的病理结果；\(afterwards?.text.zhHans ?? "")"),
                inputs: [
                    FindingInput("openDifferential", open.map(\.en).joined(separator: "; ")),
                    FindingInput("procedure", fixation.procedure?.rawValue ?? "unknown"), FindingInput("planned", fixation.planned.description),
                ],
                sources: [DiagnosisRules.sourceHospital],
                claims: fixation.planned
                    ? [Claim(.fixation, about: lesion.id, "biopsyFirst"), Claim(.biopsy, about: lesion.id, "biopsy")]
                    : afterwards?.needleBarred == true ? [] : [Claim(.biopsy, about: lesion.id, "biopsy")])
        }
    }
}
