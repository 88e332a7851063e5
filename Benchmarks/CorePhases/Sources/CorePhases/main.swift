// Times each in-process phase of reading a pair, a sync and `toggle` on a real pair, many times over,
// and prints the median and minimum of each in milliseconds. Nothing is written to the documents.
//
//   swift build -c release && .build/release/CorePhases OWNER_DOC TODO [RUNS]
import CTOBoardCore
import Foundation

let args = CommandLine.arguments
guard args.count >= 3 else {
    FileHandle.standardError.write(Data("usage: CorePhases OWNER_DOC TODO [RUNS]\n".utf8))
    exit(2)
}
let paths = PairPaths(owner: "CTO", ownerDoc: args[1], todo: args[2])
let runs = args.count > 3 ? Int(args[3]) ?? 30 : 30

var samples: [(String, [Double])] = []
@MainActor func time<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
    let t0 = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
    if let i = samples.firstIndex(where: { $0.0 == name }) { samples[i].1.append(ms) } else { samples.append((name, [ms])) }
    return result
}

let today = CalendarDate(year: 2026, month: 11, day: 28)
for _ in 0..<runs {
    let (ownerBytes, todoBytes) = try time("read both") {
        (try FileIO.readDocument(at: paths.ownerDoc, missingHint: ""), try FileIO.readDocument(at: paths.todo, missingHint: ""))
    }
    let (ownerDocument, todoDocument) = time("split lines") { (Document(bytes: ownerBytes), Document(bytes: todoBytes)) }
    let ownerDoc = time("parse owner doc") { TaskDocument(document: ownerDocument) }
    let todo = time("parse TODO.md") { TaskDocument(document: todoDocument, keyOwner: paths.owner) }
    let pair = time("match") { TaskPair(paths: paths, ownerDoc: ownerDoc, todo: todo) }
    _ = time("parse+match (pair)") { TaskPair(paths: paths, ownerBytes: ownerBytes, todoBytes: todoBytes) }
    // A sync's base TODO.md after an external edit: the current one with the checkbox of one of
    // the owner's tasks flipped.
    var edited = todoBytes
    let flipped = pair.tasks[pair.tasks.count / 2].todo!
    let box = todoDocument.lines[flipped.line].start + flipped.item.markOffset
    edited[box] = edited[box] == 0x20 ? 0x78 : 0x20
    _ = time("reparse TODO.md") { TaskDocument(document: Document(bytes: edited), keyOwner: paths.owner) }
    let editedPair = TaskPair(paths: paths, ownerBytes: ownerBytes, todoBytes: edited)
    let syncPlan = time("sync plan, 1 edit") { SyncEngine().plan(pair: editedPair, base: BaseSnapshot(owner: ownerBytes, todo: todoBytes)) }
    precondition(syncPlan.carried.count == 1)
    let target = pair.tasks[pair.tasks.count / 2].id
    let change = try time("plan toggle") {
        try OperationPlanner(today: today).plan(.toggle(target), on: pair)
    }
    _ = time("diff") {
        (LineDiff.hunks(from: ownerDocument, to: Document(bytes: change.ownerBytes)),
         LineDiff.hunks(from: todoDocument, to: Document(bytes: change.todoBytes)))
    }
    let journal = time("journal encode") {
        Journal(basePath: "/tmp/base", pair: paths,
                entries: [Journal.Entry(path: paths.ownerDoc, old: ownerBytes, new: change.ownerBytes),
                          Journal.Entry(path: paths.todo, old: todoBytes, new: change.todoBytes)],
                historyPath: "/tmp/history", historyLine: []).encode()
    }
    precondition(!journal.isEmpty)
    let base = time("base encode") { BaseSnapshot(owner: change.ownerBytes, todo: change.todoBytes).encode() }
    let decoded = time("base decode") { BaseSnapshot.decode(base) }
    precondition(decoded != nil)
}

// The minimum is the steadiest figure on a shared machine; the median says what is typical.
var total = (median: 0.0, min: 0.0)
print("phase".padding(toLength: 18, withPad: " ", startingAt: 0), "   median       min")
for (name, values) in samples {
    let sorted = values.sorted()
    total.median += sorted[sorted.count / 2]
    total.min += sorted[0]
    print(name.padding(toLength: 18, withPad: " ", startingAt: 0),
          String(format: "%7.2f ms %7.2f ms", sorted[sorted.count / 2], sorted[0]))
}
print("sum".padding(toLength: 18, withPad: " ", startingAt: 0), String(format: "%7.2f ms %7.2f ms", total.median, total.min))
