/// SNOMED CT cancer-disorder concepts BoneMet recognises, kept as data (one row a concept).
/// Columns (tab-separated): code, class, site, histology, laterality, display, source.
///
/// class: `primary` (site from the code), `primaryAtBodySite` (a malignant neoplasm whose site
/// the Condition's bodySite gives), `bone` (bone metastasis), `secondary` (metastasis
/// elsewhere), `secondaryAtBodySite` (a metastasis whose site the bodySite gives).
/// site: the case format's primary-site vocabulary; histology: its HistologyType; `-` = none.
///
/// Sources: [standards] ../shared/interop/standards.md; [mcode] HL7 mCODE STU4 implementation
/// guide examples (HL7/fhir-mCODE-ig, input/fsh); [oncotree] the OncoTree primary-cancer value
/// set of the CodeX PCT guide (standardhealth/fsh-pct, fsh/pctVS.fsh); [synthea] the Synthea
/// export in shared/data; [r4] FHIR R4 specification examples. The mCODE value sets are
/// intensional (descendants of 363346000 |Malignant neoplastic disease|), which no file can hold:
/// codes outside this table are recognised by ICD-10 range, by a site's mapping file, or by
/// their text ("recognised by text — confirm"), never dropped without a word.
enum SNOMEDCancerTable {
    static let tsv = """
    254837009	primary	breast	-	-	Malignant neoplasm of breast	standards
    372137005	primary	breast	-	-	Primary malignant neoplasm of breast	oncotree
    353431000119107	primary	breast	-	left	Primary malignant neoplasm of female left breast	mcode
    448952004	primary	breast	ductalCarcinoma	-	Invasive ductal carcinoma of female breast	mcode
    254637007	primary	lung	nonSmallCellCarcinoma	-	Non-small cell lung cancer	standards
    424132000	primary	lung	nonSmallCellCarcinoma	-	Non-small cell carcinoma of lung, TNM stage 1	synthea
    93880001	primary	lung	-	-	Primary malignant neoplasm of lung	oncotree
    399068003	primary	prostate	-	-	Malignant tumor of prostate	standards
    93974005	primary	prostate	-	-	Primary malignant neoplasm of prostate	oncotree
    93849006	primary	kidney	-	-	Primary malignant neoplasm of kidney	oncotree
    94098005	primary	thyroid	-	-	Primary malignant neoplasm of thyroid gland	oncotree
    95214007	primary	liver	-	-	Primary malignant neoplasm of liver	oncotree
    372014001	primary	stomach	-	-	Primary malignant neoplasm of stomach	oncotree
    371984007	primary	esophagus	-	-	Primary malignant neoplasm of esophagus	oncotree
    372003004	primary	pancreas	-	-	Primary malignant neoplasm of pancreas	oncotree
    371970002	primary	gallbladder	-	-	Primary malignant neoplasm of biliary tract	oncotree
    93689003	primary	bladder	-	-	Primary malignant neoplasm of bladder	oncotree
    372024009	primary	uterus	-	-	Primary malignant neoplasm of uterine cervix	oncotree
    10708511000119108	primary	uterus	-	-	Primary malignant neoplasm of uterus	oncotree
    93824007	primary	headAndNeck	-	-	Primary malignant neoplasm of head	oncotree
    93922007	primary	headAndNeck	-	-	Primary malignant neoplasm of neck	oncotree
    93725000	primary	sarcoma	sarcoma	-	Primary malignant neoplasm of bone	oncotree
    372010005	primary	sarcoma	sarcoma	-	Primary malignant neoplasm of soft tissues	oncotree
    93665005	primary	other	-	-	Primary malignant neoplasm of adrenal gland	oncotree
    93727008	primary	other	-	-	Primary malignant neoplasm of brain	oncotree
    93934004	primary	other	-	-	Primary malignant neoplasm of ovary	oncotree
    94047004	primary	other	-	-	Primary malignant neoplasm of skin	oncotree
    94087009	primary	other	-	-	Primary malignant neoplasm of testis	oncotree
    269475001	primary	other	-	-	Malignant tumor of lymphoid, hemopoietic AND/OR related tissue	oncotree
    92814006	primary	other	-	-	Chronic lymphoid leukemia	mcode
    363346000	primaryAtBodySite	-	-	-	Malignant neoplastic disease	r4
    372087000	primaryAtBodySite	-	-	-	Primary malignant neoplasm	mcode
    94222008	bone	-	-	-	Secondary malignant neoplasm of bone	standards
    94217008	bone	-	-	-	Secondary malignant neoplasm of bone marrow	standards
    94225005	secondary	-	-	-	Secondary malignant neoplasm of brain	mcode
    128462008	secondaryAtBodySite	-	-	-	Secondary malignant neoplastic disease	oncotree
    """
}
