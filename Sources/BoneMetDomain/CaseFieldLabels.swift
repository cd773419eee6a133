/// Every field and value of the case record in clinical words, in both languages (issue #10):
/// the record shown on a page and its forms never show a JSON key or an enum's raw value.
/// A test checks that every key of the case format and every value of its value sets has a label.
public enum CaseFieldLabels {
    static func t(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }

    /// Keys whose meaning depends on the object they are in.
    static let byDefinition: [String: [String: LocalizedText]] = [
        "treatment": ["kind": t("type of treatment", "治疗类型"), "name": t("regimen", "方案名称"), "lesions": t("lesions treated", "治疗病灶")],
        "event": ["kind": t("event", "事件"), "resolved": t("resolved (over)", "已缓解（已结束）")],
        "primary": ["id": t("primary record", "原发灶记录"), "site": t("primary site", "原发部位")],
        "lesion": ["id": t("lesion record", "病灶记录"), "primary": t("belongs to primary", "所属原发灶"), "note": t("description", "描述")],
        "study": ["id": t("study record", "检查记录")],
        "patient": ["id": t("patient id (pseudonymous)", "患者编号（匿名）")],
        "neurology": ["status": t("neurological status", "神经功能状态"), "lesion": t("level (lesion)", "相关病灶")],
        "pain": ["mirels": t("limb pain (Mirels)", "肢体疼痛（Mirels）"), "sins": t("spinal pain (SINS)", "脊柱疼痛（SINS）")],
        "biopsy": ["result": t("result", "病理结果")],
        "diseaseStatus": ["status": t("disease status", "疾病状态"), "primary": t("concerns primary", "相关原发灶")],
    ]

    static let keys: [String: LocalizedText] = [
        "id": t("record id", "记录编号"), "sex": t("sex", "性别"), "birthDate": t("date of birth", "出生日期"),
        "fictional": t("fictional (teaching) case", "虚构（教学）病例"), "weights": t("weights", "体重"), "date": t("date", "日期"),
        "deceased": t("deceased", "已故"), "deathDate": t("date of death", "死亡日期"),
        "kg": t("weight (kg)", "体重（kg）"), "site": t("site", "部位"), "histology": t("histology (text)", "病理类型（原文）"),
        "histologyType": t("histology type", "病理分型"), "er": t("ER", "ER"), "pr": t("PR", "PR"), "her2": t("HER2", "HER2"),
        "diagnosed": t("diagnosed", "确诊日期"), "hormoneDependent": t("hormone-dependent", "激素依赖"),
        "targetedTherapy": t("on targeted therapy", "靶向治疗"), "castrationResistant": t("castration-resistant", "去势抵抗"),
        "bone": t("bone", "骨"), "segment": t("segment", "部位（节段）"), "level": t("vertebral level", "椎体节段"),
        "laterality": t("side", "侧别"), "note": t("note", "备注"), "primary": t("primary", "原发灶"),
        "modality": t("modality", "检查方式"), "windows": t("CT windows read", "CT 窗位"), "contrast": t("contrast", "增强"),
        "studyInstanceUid": t("DICOM study UID", "DICOM 检查 UID"), "region": t("region imaged (text)", "检查部位（原文）"),
        "coverage": t("regions imaged", "检查覆盖部位"), "report": t("report conclusion", "报告结论"),
        "observations": t("lesion readings", "病灶观察"), "unnamedNewLesions": t("new lesions not itemised", "未逐一记录的新病灶数"),
        "lesion": t("lesion", "病灶"), "present": t("seen", "可见"), "character": t("lesion type", "病变类型"),
        "diametersMm": t("diameters (mm)", "径线（mm）"), "softTissueMm": t("soft-tissue component (mm)", "软组织成分（mm）"),
        "boneDestruction": t("bone destruction", "骨质破坏"), "scleroticRim": t("sclerotic rim", "硬化缘"),
        "fillIn": t("sclerotic fill-in", "硬化填充"), "uptake": t("tracer uptake", "放射性浓聚"),
        "uptakeChangePercent": t("uptake change (%)", "浓聚变化（%）"), "normalSignal": t("MRI signal normal", "MRI 信号正常"),
        "fractionOfDiameter": t("fraction of bone diameter", "占骨直径比例"), "mirelsSize": t("size class (Mirels)", "大小分级（Mirels）"),
        "collapse": t("vertebral collapse", "椎体塌陷"), "alignment": t("alignment", "脊柱序列"),
        "posterolateral": t("posterolateral involvement", "后外侧结构受累"), "escc": t("ESCC grade", "ESCC 分级"),
        "fracture": t("fracture", "骨折"), "jointSpaceNarrowing": t("joint-space narrowing", "关节间隙狭窄"),
        "osteophytes": t("osteophytes", "骨赘"), "subchondralCysts": t("subchondral cysts", "软骨下囊变"),
        "epiphyseal": t("epiphyseal", "骨骺"), "eccentric": t("eccentric", "偏心性"), "kind": t("kind", "类型"),
        "name": t("name", "名称"), "drugs": t("drugs", "药物"), "systemicClass": t("class of systemic therapy", "全身治疗类别"),
        "lesions": t("lesions", "病灶"), "start": t("start", "开始日期"), "end": t("end", "结束日期"), "planned": t("planned", "计划中"),
        "stopReason": t("reason stopped", "停药原因"), "procedure": t("procedure", "手术方式"), "agent": t("agent", "药物"),
        "doseMg": t("dose (mg)", "剂量（mg）"), "intervalWeeks": t("interval (weeks)", "给药间隔（周）"), "doses": t("doses given", "给药日期"),
        "doseGy": t("dose (Gy)", "剂量（Gy）"), "fractions": t("fractions", "分次"), "test": t("test", "检验项目"),
        "value": t("value", "结果"), "unit": t("unit", "单位"), "upperLimit": t("upper limit", "参考上限"),
        "lowerLimit": t("lower limit", "参考下限"), "ecog": t("ECOG", "ECOG"), "kps": t("Karnofsky (KPS)", "KPS"),
        "mirels": t("pain (Mirels)", "疼痛（Mirels）"), "sins": t("pain (SINS)", "疼痛（SINS）"), "nrs": t("pain score (NRS 0–10)", "疼痛评分（NRS 0–10）"),
        "status": t("status", "状态"), "frankel": t("Frankel grade", "Frankel 分级"), "decalcification": t("decalcification", "脱钙方式"),
        "result": t("result", "结果"), "molecularTests": t("molecular tests", "分子检测"), "organ": t("organ", "器官"),
        "removable": t("removable (Tokuhashi)", "可切除（Tokuhashi）"), "treatable": t("treatable (Tomita)", "可治疗（Tomita）"),
        "pattern": t("pattern (Katagiri)", "类型（Katagiri）"), "decision": t("decision", "决议"), "specialty": t("specialty", "科室"),
        "followUp": t("follow-up tasks", "后续任务"), "molecularTestsWanted": t("molecular tests wanted on bone tissue", "骨组织需做分子检测"),
        "transfer": t("transfer planned", "计划转院"), "trialEnrolment": t("trial enrolment planned", "计划入组临床试验"),
        "schemaVersion": t("format version", "格式版本"), "primaries": t("primary cancers", "原发肿瘤"), "studies": t("imaging studies", "影像检查"),
        "treatments": t("treatments", "治疗"), "labs": t("labs", "检验"), "performance": t("performance status", "体能状态"),
        "pain": t("pain", "疼痛"), "neurology": t("neurology", "神经功能"), "biopsies": t("biopsies", "活检"), "events": t("events", "事件"),
        "visceralMetastases": t("visceral metastases", "内脏转移"), "dentalExams": t("dental examinations", "口腔检查"),
        "decisions": t("MDT decisions", "MDT 决议"), "plans": t("plans", "计划"), "patient": t("patient", "患者"),
        "codes": t("source codes", "来源编码"), "dicomModality": t("DICOM modality", "DICOM 检查方式"),
        "diseaseStatus": t("disease status (EHR)", "疾病状态（电子病历）"), "evidence": t("based on", "判断依据"),
    ]

    /// The label of a field of an object of the case format (`definition` as in CaseSchema).
    public static func key(_ key: String, in definition: String) -> LocalizedText {
        byDefinition[definition]?[key] ?? keys[key] ?? LocalizedText(en: key, zh: key)
    }

    public static func hasLabel(_ key: String) -> Bool { keys[key] != nil }

    static let yes = t("yes", "是")
    static let no = t("no", "否")

    static let valueEnums: [String: [String: LocalizedText]] = [
        "windows": ["softTissue": t("soft-tissue window", "软组织窗"), "bone": t("bone window", "骨窗"), "lung": t("lung window", "肺窗")],
        "fillIn": ["none": t("none", "无"), "partial": t("partial", "部分"), "complete": t("complete", "完全")],
        "receptor": ["positive": t("positive", "阳性"), "negative": t("negative", "阴性"), "low": t("low", "低表达"), "unknown": t("unknown", "未知")],
        "decalcification": ["edta": t("EDTA", "EDTA"), "acid": t("acid", "酸性"), "none": t("none", "未脱钙"), "unknown": t("unknown", "未知")],
        "result": [
            "metastasis": t("metastasis", "转移"), "myeloma": t("myeloma", "骨髓瘤"), "lymphoma": t("lymphoma", "淋巴瘤"),
            "primaryBoneTumour": t("primary bone tumour", "原发骨肿瘤"), "giantCellTumour": t("giant cell tumour", "骨巨细胞瘤"),
            "benign": t("benign", "良性"), "degenerative": t("degenerative", "退行性"), "reactiveOrNecrotic": t("reactive or necrotic bone", "反应骨或坏死"),
            "nonDiagnostic": t("non-diagnostic", "未能诊断"), "pending": t("pending", "待回报"),
        ],
        "systemicClass": [
            "chemotherapy": t("chemotherapy", "化疗"), "endocrine": t("endocrine therapy", "内分泌治疗"), "targeted": t("targeted therapy", "靶向治疗"),
            "immunotherapy": t("immunotherapy", "免疫治疗"), "other": t("other", "其他"),
        ],
        "stopReason": [
            "progression": t("progression", "进展"), "toxicity": t("toxicity", "毒性"), "completed": t("completed", "完成"),
            "patientChoice": t("patient's choice", "患者意愿"), "other": t("other", "其他"),
        ],
        "sex": ["male": t("male", "男"), "female": t("female", "女")],
    ]

    /// The label of one raw value of a field (an enum's label, yes/no), or nil for free values.
    public static func value(_ raw: String, key: String, in definition: String) -> LocalizedText? {
        if raw == "true" { return yes }
        if raw == "false" { return no }
        func label<E: InputEnum>(_ type: E.Type) -> LocalizedText? { E(rawValue: raw)?.label }
        switch key {
        case "sex", "windows", "fillIn", "decalcification", "systemicClass", "stopReason": return valueEnums[key]?[raw]
        case "er", "pr", "her2": return valueEnums["receptor"]?[raw]
        case "result": return valueEnums["result"]?[raw]
        case "site": return label(PrimarySite.self)
        case "histologyType": return label(HistologyType.self)
        case "bone": return label(Bone.self)
        case "segment": return label(BoneSegment.self)
        case "laterality": return label(Laterality.self)
        case "modality": return label(Modality.self)
        case "coverage": return label(BodyRegion.self)
        case "character": return label(LesionCharacter.self)
        case "mirelsSize": return label(Mirels.Size.self)
        case "collapse": return label(SINS.Collapse.self)
        case "alignment": return label(SINS.Alignment.self)
        case "posterolateral": return label(SINS.Posterolateral.self)
        case "escc": return label(ESCC.Grade.self)
        case "kind": return definition == "event" ? label(EventKind.self) : label(TreatmentKind.self)
        case "procedure": return label(SurgicalProcedure.self)
        case "agent": return label(BoneAgent.self)
        case "test": return label(LabTest.self)
        case "mirels": return label(Mirels.Pain.self)
        case "sins": return label(SINS.Pain.self)
        case "status": return definition == "diseaseStatus" ? label(DiseaseStatus.self) : label(NeurologicalStatus.self)
        case "frankel": return label(Tokuhashi.Frankel.self)
        case "pattern": return label(Katagiri.VisceralMets.self)
        case "specialty": return label(Specialty.self)
        case "codes": return sourceCode(raw)
        default: return nil
        }
    }

    /// A source coding as clinicians and coders name it — "SNOMED CT 448952004", "ICD-10-CM
    /// C50.919" — not as the record keeps it ("http://snomed.info/sct|448952004"): the Chinese
    /// case page showed the systems' URIs (cb83-a, 2026-12-05). A system not named here is shown
    /// as kept.
    static func sourceCode(_ raw: String) -> LocalizedText? {
        guard let bar = raw.lastIndex(of: "|") else { return nil }
        let system = raw[..<bar].lowercased()
        let code = raw[raw.index(after: bar)...]
        let names: [(String, String)] = [
            ("snomed.info/sct", "SNOMED CT"), ("icd-10-cm", "ICD-10-CM"), ("icd-10", "ICD-10"), ("icd10", "ICD-10"), ("loinc.org", "LOINC"),
            ("rxnorm", "RxNorm"), ("whocc.no/atc", "ATC"), ("dicom.nema.org", "DICOM"),
        ]
        guard let name = names.first(where: { system.contains($0.0) })?.1 else { return nil }
        return LocalizedText(en: "\(name) \(code)", zh: "\(name) \(code)")
    }
}
