/// A seeded random number generator, so a generated or mutated input that fails a test repeats
/// on every run: the same SplitMix64 the synthetic cases use (one implementation, not two).
public typealias SeededGenerator = SplitMix64
