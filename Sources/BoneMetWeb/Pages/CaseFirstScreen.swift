import BoneMetDomain
import Plot

/// The first screen of a case (issue #10): a one-line patient summary a clinician reads at a
/// glance, and the actions band — every urgent and warning finding, one line each, with who
/// acts and when — so nothing urgent is below the first screen.
struct CaseFirstScreen {
    let record: CaseRecord
    let assessment: Assessment

    static let texts = (
        actions: LocalizedText(en: "To do first", zh: "优先处理"),
        nothingUrgent: LocalizedText(en: "Nothing urgent: no urgent or warning finding.", zh: "暂无紧急事项：没有紧急或警示结论。"),
        now: LocalizedText(en: "now", zh: "立即"),
        nextMDT: LocalizedText(en: "at the next MDT", zh: "下次 MDT"),
        due: LocalizedText(en: "due", zh: "期限"),
        age: LocalizedText(en: "years", zh: "岁"),
        male: LocalizedText(en: "male", zh: "男"),
        female: LocalizedText(en: "female", zh: "女"),
        noPrimary: LocalizedText(en: "no known primary", zh: "原发灶不明"),
        sites: LocalizedText(en: "bone lesions", zh: "骨病灶"),
        noLesions: LocalizedText(en: "no bone lesion recorded", zh: "未记录骨病灶"),
        notSeen: LocalizedText(en: "not seen on its latest study", zh: "最近一次检查未见"),
        notSeenDisputed: LocalizedText(en: "not seen on its latest study — the readings disagree", zh: "最近一次检查未见——与前次读片不一致"),
        treatment: LocalizedText(en: "current treatment", zh: "当前治疗"),
        noTreatment: LocalizedText(en: "no current treatment", zh: "目前无治疗"),
        treatmentAtDeath: LocalizedText(en: "treatment at death", zh: "去世时治疗"),
        noTreatmentAtDeath: LocalizedText(en: "no treatment at death", zh: "去世时无治疗"),
        supportive: LocalizedText(en: "supportive care", zh: "支持治疗"),
        noAnticancer: LocalizedText(en: "no current anticancer treatment", zh: "目前无抗肿瘤治疗"),
        lastStudy: LocalizedText(en: "last study", zh: "最近检查"),
        more: LocalizedText(en: "more", zh: "处"),
        decisions: LocalizedText(en: "MDT decisions and plans", zh: "MDT 决议与计划"),
        noDecisions: LocalizedText(en: "No MDT decision recorded yet.", zh: "尚无 MDT 决议记录。"),
        followUp: LocalizedText(en: "follow-up", zh: "后续任务"),
        dental: LocalizedText(en: "dental examination", zh: "口腔检查"),
        noDental: LocalizedText(en: "no dental examination on record", zh: "无口腔检查记录"),
        molecular: LocalizedText(en: "molecular tests wanted on bone tissue", zh: "骨组织需做分子检测"),
        transfer: LocalizedText(en: "transfer planned", zh: "计划转院"),
        trial: LocalizedText(en: "trial enrolment planned", zh: "计划入组临床试验"),
        infoFolded: LocalizedText(en: "information findings", zh: "参考信息"),
        deceased: LocalizedText(en: "deceased", zh: "已故"),
        ageAtDeath: LocalizedText(en: "years at death", zh: "岁（去世时）")
    )

    /// The recorded death, when it had happened by the assessment's date.
    var died: Bool { record.patient.hasDied(by: assessment.asOf) }

    /// "68 years, female · breast (invasive ductal carcinoma; ER+ PR+ HER2−) · bone lesions:
    /// T10 vertebra, left femur, peritrochanteric · ECOG 1 · current treatment: letrozole ·
    /// last study: CT of 2023-03-20".
    func line(_ language: AppLanguage) -> String {
        var parts: [String] = []
        let t = Self.texts
        var who: [String] = []
        if died {
            // A dead patient's age stops at the death; the death leads the line.
            who.append([t.deceased(language), record.patient.deathDate?.description].compactMap { $0 }.joined(separator: " "))
            if let birth = record.patient.birthDate, let death = record.patient.deathDate {
                who.append("\(birth.wholeYears(to: death)) \(t.ageAtDeath(language))")
            }
        } else if let birth = record.patient.birthDate {
            who.append("\(birth.wholeYears(to: assessment.asOf)) \(t.age(language))")
        }
        if let sex = record.patient.sex { who.append((sex == .male ? t.male : t.female)(language)) }
        if !who.isEmpty { parts.append(who.joined(separator: language == .zhHans ? "，" : ", ")) }
        let primaries = record.primaries.filter { $0.site != .unknown }
        parts.append(primaries.isEmpty ? t.noPrimary(language) : primaries.map { primary in
            var detail: [String] = []
            if let histology = primary.effectiveHistology { detail.append(histology.label(language)) }
            // ER and PR not written on their own, "HR+/HER2-" or "Luminal B" written together: the
            // rules read it (rule set .305), so the summary shows it — "乳腺（浸润性小叶癌；HER2−）"
            // left the hormone receptors out.
            let separate = [primary.effectiveER, primary.effectivePR].contains { $0 != nil && $0 != .unknown }
            let together = separate || primary.site != .breast ? nil : primary.histology.flatMap(ReceptorText.hormoneReceptors(in:))
            let statuses = together.map { [("HR", $0)] } ?? [("ER", primary.effectiveER), ("PR", primary.effectivePR)]
            let receptors = (statuses + [("HER2", primary.effectiveHER2)]).compactMap { name, status -> String? in
                switch status {
                case .positive: "\(name)+"
                case .negative: "\(name)−"
                case .low: language == .zhHans ? "\(name) 低表达" : "\(name)-low"
                default: nil
                }
            }
            if !receptors.isEmpty { detail.append(receptors.joined(separator: " ")) }
            let label = primary.site.label(language)
            guard !detail.isEmpty else { return label }
            return language == .zhHans ? "\(label)（\(detail.joined(separator: "；"))）" : "\(label) (\(detail.joined(separator: "; ")))"
        }.joined(separator: language == .zhHans ? "；" : "; "))
        // A lesion looked for and not seen on its latest study up to the day is named after the
        // others, and said so: a C6 "lesion" never seen on the only MRI of it read as a second
        // metastasis (cb100-k, 2026-12-06).
        let (seen, notSeen) = record.lesions.reduce(into: ([Lesion](), [Lesion]())) { parts, lesion in
            if record.notSeen(lesion.id, upTo: assessment.asOf) { parts.1.append(lesion) } else { parts.0.append(lesion) }
        }
        // Not seen days after a study showed it (`diagnosis.record.absentTooSoon`): not healed —
        // the readings disagree, and the findings read the lesion as shown (cb107-f).
        let disputed = Set(assessment.findings.compactMap { finding -> String? in
            guard finding.ruleId == "diagnosis.record.absentTooSoon", case .lesion(let id) = finding.subject else { return nil }
            return id
        })
        let lesions = seen.map { $0.label(language) }
            + notSeen.map { lesion in
                let said = disputed.contains(lesion.id) ? t.notSeenDisputed(language) : t.notSeen(language)
                return language == .zhHans ? "\(lesion.label(language))（\(said)）" : "\(lesion.label(language)) (\(said))"
            }
        if lesions.isEmpty {
            parts.append(t.noLesions(language))
        } else {
            let shown = lesions.prefix(4).joined(separator: language == .zhHans ? "、" : ", ")
            let more = lesions.count > 4 ? (language == .zhHans ? " 等 \(lesions.count) \(t.more(language))" : " +\(lesions.count - 4) \(t.more(language))") : ""
            parts.append("\(t.sites(language))\(language == .zhHans ? "：" : ": ")\(shown)\(more)")
        }
        if let ecog = record.performance.filter({ $0.ecog != nil && $0.date <= assessment.asOf }).max(by: { $0.date < $1.date })?.ecog {
            parts.append("ECOG \(ecog)")
        }
        // After a death nothing is "current": the line names what ran on the day of death.
        // (A death without a date: what was still open on the day assessed.)
        let running = record.treatments.filter {
            $0.kind != .boneModifyingAgent && $0.isActive(on: died ? record.patient.deathDate ?? assessment.asOf : assessment.asOf)
        }
        // Supportive care (dexamethasone for a cord compression, an EHR's order) is no anticancer
        // treatment: it read "current treatment: 地塞米松磷酸钠注射液 10mg" after sunitinib had
        // stopped. Said apart — except in myeloma and lymphoma, where the steroid is the therapy.
        let steroidIsTherapy = record.primaries.contains { [.myeloma, .lymphoma].contains($0.site) }
        let supportive = steroidIsTherapy ? [] : running.filter(DrugClasses.isSupportiveOnly)
        let current = running.filter { row in !supportive.contains { $0.id == row.id } }
        let separator = language == .zhHans ? "、" : ", "
        let colon = language == .zhHans ? "：" : ": "
        parts.append(current.isEmpty
            ? (died ? t.noTreatmentAtDeath : supportive.isEmpty ? t.noTreatment : t.noAnticancer)(language)
            : "\((died ? t.treatmentAtDeath : t.treatment)(language))\(colon)\(current.map { $0.displayName(language) }.joined(separator: separator))")
        if !supportive.isEmpty {
            parts.append("\(t.supportive(language))\(colon)\(supportive.map { $0.displayName(language) }.joined(separator: separator))")
        }
        if let last = record.studies.filter({ $0.date <= assessment.asOf }).max(by: { $0.date < $1.date }) {
            parts.append("\(t.lastStudy(language))\(language == .zhHans ? "：" : ": ")\(last.label(language))")
        }
        return parts.joined(separator: " · ")
    }

    /// Urgent and warning findings in the assessment's order — most urgent first, then those
    /// whose source gives hours to act (fewest first), then by duty and date (`assess`) — the
    /// order the patient list's first finding is read in (its finding rows' positions).
    var actions: [Finding] {
        assessment.findings.filter { $0.severity >= .warning }
    }

    /// When a finding is due: within its source's hours; an urgent one now; a dose due on its
    /// date; others at the next MDT.
    func due(_ finding: Finding, _ language: AppLanguage) -> String {
        if let hours = finding.withinHours {
            // The hours run from what the finding rests on — its study, or the neurological
            // record since — not from the day the page is read: a cord compression with a
            // deficit on the MRI of 2 December read "within 24 hours (from 2026-12-06)" four
            // days on (unseen record cb112-a). Passed: now, and said so.
            let subjectLesion: String? = if case .lesion(let id) = finding.subject { id } else { nil }
            let neurology = record.neurology
                .filter { $0.date <= assessment.asOf && ($0.lesion == nil || $0.lesion == subjectLesion) }
                .map(\.date).max()
            let from = [finding.date, neurology].compactMap { $0 }.filter { $0 <= assessment.asOf }.max() ?? assessment.asOf
            if from.latestDay + (hours + 23) / 24 < assessment.asOf.earliestDay {
                return language == .zhHans
                    ? "\(Self.texts.now(language))——自 \(from) 起的 \(hours) 小时已过"
                    : "\(Self.texts.now(language)) — the \(hours) hours from \(from) have passed"
            }
            return language == .zhHans ? "\(hours) 小时内（自 \(from) 起）" : "within \(hours) hours (from \(from))"
        }
        if finding.severity == .urgent {
            return language == .zhHans ? "\(Self.texts.now(language))（\(assessment.asOf)）" : "\(Self.texts.now(language)) (\(assessment.asOf))"
        }
        if finding.ruleId == "boneAgents.doseDue", let date = finding.date { return date.description }
        return Self.texts.nextMDT(language)
    }

    /// `link`: the page the findings' anchors are on ("" — this page; `/cases/ID` from an agenda).
    func band(_ language: AppLanguage, link: String = "", heading: Bool = true) -> Node<HTML.BodyContext> {
        let items = actions
        return .section(
            .class("actions"), .attribute(named: "aria-label", value: Self.texts.actions(language)),
            .if(heading, .h2(.text(Self.texts.actions(language)))),
            items.isEmpty
                // After a death the band says so, not "nothing urgent" (the finding is info, folded below).
                ? .p(.class(died ? "deceased" : "muted"), .text(died
                    ? (assessment.findings.first { $0.ruleId == "diagnosis.record.deceased" }?.title ?? Self.texts.nothingUrgent)(language)
                    : Self.texts.nothingUrgent(language)))
                : .ol(.forEach(items) { finding in
                    .li(
                        .class("action \(finding.severity.rawValue)"), .data(named: "rule", value: finding.ruleId),
                        .span(.class("severity"), .text(finding.severity.label(language))),
                        .a(.href("\(link)#finding-\(anchor(finding))"), .text(finding.title(language))),
                        .span(.class("who"), .text(finding.specialty.label(language))),
                        .span(.class("when"), .text("\(Self.texts.due(language))\(language == .zhHans ? "：" : ": ")\(due(finding, language))"))
                    )
                })
        )
    }

    /// The anchor of a finding's card on the page.
    func anchor(_ finding: Finding) -> String {
        let text = "\(finding.ruleId)-\(finding.subject.id ?? "patient")"
        return String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }

    /// MDT decisions with their follow-up, the care plans and the dental examinations.
    func decisionsNode(_ language: AppLanguage) -> Node<HTML.BodyContext> {
        let t = Self.texts
        let decisions = record.decisions.sorted { $0.date > $1.date }
        var plans: [String] = []
        if record.plans.molecularTestsWanted == true { plans.append(t.molecular(language)) }
        if let transfer = record.plans.transfer { plans.append("\(t.transfer(language)) \(transfer)") }
        if let trial = record.plans.trialEnrolment { plans.append("\(t.trial(language)) \(trial)") }
        let dental = record.dentalExams.sorted()
        plans.append(dental.isEmpty ? t.noDental(language) : "\(t.dental(language)) \(dental.map(\.description).joined(separator: language == .zhHans ? "、" : ", "))")
        return .section(
            .class("decisions"),
            .h2(.text(t.decisions(language))),
            decisions.isEmpty
                ? .p(.class("muted"), .text(t.noDecisions(language)))
                : .ul(.forEach(decisions) { decision in
                    .li(
                        .strong(.text(decision.date.description)), .text(" "),
                        .unwrap(decision.specialty) { .span(.class("who"), .text("\($0.label(language)) · ")) },
                        .text(decision.decision),
                        .if(!decision.followUp.isEmpty, .ul(.forEach(decision.followUp) { item in
                            .li(.text("\(t.followUp(language)): \(item)"))
                        }))
                    )
                }),
            .p(.class("plans"), .text(plans.joined(separator: " · ")))
        )
    }
}
