/// The tokens of one `Lexer.run`, as they are made: a buffer of plain values that grows by doubling, and an
/// array of exactly them at the end.
///
/// Appended to an array, each token paid for the array's copy-on-write check (a call into the runtime),
/// its capacity check and its count: a third of making a word token, about 75,000 tokens for 300 scripts
/// (callgrind). Here a token is a capacity test and a store; the array is made once, by one copy.
struct TokenSink: ~Copyable {
    private var base: UnsafeMutablePointer<Token>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inline(__always)
    mutating func append(_ token: Token) {
        if count == capacity { grow() }
        (base + count).initialize(to: token)
        count += 1
    }

    var last: Token? { count > 0 ? base[count - 1] : nil }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    /// The tokens, in order.
    var tokens: [Token] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
