import BoneMetRules

/// The product language, named so it does not collide with Plot's `Language`.
public typealias AppLanguage = BoneMetRules.Language
