/// Title similarity for finding renamed tasks.
enum Similarity {
    /// Dice's coefficient over character bigrams of the lowercased strings (0 to 1).
    static func dice(_ a: String, _ b: String) -> Double {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if x == y { return 1 }
        guard x.count >= 2, y.count >= 2 else { return 0 }
        var bigrams: [String: Int] = [:]
        for i in 0..<(x.count - 1) { bigrams[String(x[i...(i + 1)]), default: 0] += 1 }
        var overlap = 0
        for i in 0..<(y.count - 1) {
            let g = String(y[i...(i + 1)])
            if let n = bigrams[g], n > 0 { overlap += 1; bigrams[g] = n - 1 }
        }
        return 2 * Double(overlap) / Double(x.count - 1 + y.count - 1)
    }
}
