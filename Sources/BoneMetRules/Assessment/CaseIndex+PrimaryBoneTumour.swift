/// The picture of a giant cell tumour of bone, and a record whose only bone disease is such a
/// lesion with no cancer behind it.
extension CaseIndex {
    /// The latest reading of an eccentric epiphyseal lytic lesion of a limb long bone, not yet
    /// biopsied, in a patient whose age is within the setting's range (or unknown) — the picture
    /// reference.md names for giant cell tumour (Chakarun 2013); else nil. Where a reading
    /// records neither way whether the lesion is epiphyseal or eccentric, the lesion's note
    /// answers (`Lesion.noteNamesEpiphysis`, `noteNamesEccentric`; `fromNote` says which it gave).
    func giantCellPicture(_ lesion: Lesion) -> (point: Point, age: Int?, fromNote: [String])? {
        guard diagnosticBiopsy(lesion.id) == nil, lesion.mirelsSite != nil else { return nil }
        let epiphysealNote = lesion.noteNamesEpiphysis, eccentricNote = lesion.noteNamesEccentric
        guard let point = presentPoints(lesion.id).last(where: {
                $0.observation.character == .lytic && ($0.observation.epiphyseal ?? epiphysealNote) && ($0.observation.eccentric ?? eccentricNote)
            })
        else { return nil }
        let age = age(at: point.study.date)
        if let age, !(settings.giantCellTumourAgeMin...settings.giantCellTumourAgeMax).contains(age) { return nil }
        let fromNote = [("epiphyseal", point.observation.epiphyseal), ("eccentric", point.observation.eccentric)].filter { $0.1 == nil }.map(\.0)
        return (point, age, fromNote)
    }

    /// One bone lesion, undiagnosed, with the giant-cell-tumour picture in a young adult of known
    /// age, and no cancer on record: a 26-year-old's eccentric epiphyseal lytic distal radius was
    /// scored New Katagiri 0–9 and given PATHFx inputs as a metastasis of unknown origin (unseen
    /// record cb40-d). The prognosis scores are for bone metastases (Tokuhashi 2005, Tomita 2001,
    /// Katagiri 2014): they wait for the pathology. Nil when anything else is on record.
    var loneGiantCellPicture: Lesion? {
        guard !hasKnownPrimary, record.biopsies.allSatisfy({ $0.awaitsResult || $0.result == .nonDiagnostic }),
            metastaticLesions.count == 1, let lesion = metastaticLesions.first,
            let picture = giantCellPicture(lesion), picture.age != nil
        else { return nil }
        return lesion
    }
}

extension CaseIndex {
    /// The one bone lesion of a record with no cancer on record and no tissue diagnosis (the
    /// giant-cell picture's conditions, without the picture or the age): a primary bone tumour
    /// must be excluded before any fixation (reference.md; never nail an undiagnosed solitary
    /// lesion). A 16-year-old's mixed distal femoral metaphysis with a 4 cm soft-tissue mass,
    /// Mirels 8, read "biopsy first, then prophylactic fixation … fix before radiotherapy" (unseen
    /// record cb124-f). Nil when anything else is on record.
    var loneUndiagnosedLesion: Lesion? {
        guard !hasKnownPrimary, record.biopsies.allSatisfy({ $0.awaitsResult || $0.result == .nonDiagnostic }),
            metastaticLesions.count == 1, let lesion = metastaticLesions.first, diagnosticBiopsy(lesion.id) == nil
        else { return nil }
        return lesion
    }
}
