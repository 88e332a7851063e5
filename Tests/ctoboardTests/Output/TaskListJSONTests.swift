import Foundation
import Testing
import CTOBoardCore
@testable import ctoboard

private func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }

/// The matched pair of two in-memory documents.
private func makePair(owner: String, todo: String) -> TaskPair {
    TaskPair(paths: PairPaths(owner: "CTO", ownerDoc: "/o/CTO_OWNER.md", todo: "/o/TODO.md"),
             ownerBytes: utf8(owner), todoBytes: utf8(todo))
}

@Suite("list --json: the documented form")
struct TaskListJSONTests {
    private let owner = """
    # CTO
    ## Completed
    #### Infrastructure & Hosting
    - [ ] **VERIFY**: Quote " and backslash \\ in a title (needs verification)
    ## In Progress
    - [x] Café ☕ résumé
      - [x] grind
      - [ ] brew
    ## Pending
    **High Priority**:
    - [ ] **CRITICAL**: Control\u{1}char

    """

    private let todo = """
    # TODO
    ## Completed
    - [ ] Quote " and backslash \\ in a title [Owner: CTO]
    ## In Progress
    - [x] Café ☕ résumé [Owner: CTO]
    - [ ] Someone else's [Owner: CEO]
    ## Pending
    - [ ] Only in TODO.md [Owner: CTO] [Priority: Low]

    """

    private func decode(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func everyFieldOfEveryTask() throws {
        let pair = makePair(owner: owner, todo: todo)
        let object = try decode(TaskListJSON.encode(pair))
        #expect(object["owner"] as? String == "CTO")
        #expect(object["ownerDoc"] as? String == "/o/CTO_OWNER.md")
        #expect(object["todo"] as? String == "/o/TODO.md")
        let tasks = try #require(object["tasks"] as? [[String: Any]])
        #expect(tasks.count == 4)

        let quote = tasks[0]
        #expect(quote["title"] as? String == "Quote \" and backslash \\ in a title")
        #expect(quote["id"] as? String == pair.tasks[0].id)
        #expect(quote["section"] as? String == "completed")
        #expect(quote["priority"] is NSNull)
        #expect(quote["state"] as? String == "verify")
        #expect(quote["group"] as? String == "Infrastructure & Hosting")
        #expect(quote["critical"] as? Bool == false)
        #expect(quote["progress"] is NSNull)
        #expect(quote["inOwnerDoc"] as? Bool == true)
        #expect(quote["inTodo"] as? Bool == true)
        #expect(quote["ownerLine"] as? Int == 4)
        #expect(quote["todoLine"] as? Int == 3)

        #expect(tasks[1]["title"] as? String == "Café ☕ résumé")
        #expect(tasks[1]["state"] as? String == "done")
        #expect(tasks[1]["section"] as? String == "in-progress")
        // Its nested checkboxes are its checklist, not tasks.
        #expect(tasks[1]["progress"] as? String == "1/2")

        let control = tasks[2]
        #expect(control["title"] as? String == "Control\u{1}char")
        #expect(control["critical"] as? Bool == true)
        #expect(control["priority"] as? String == "high")
        #expect(control["todoLine"] is NSNull)

        let onlyTodo = tasks[3]
        #expect(onlyTodo["title"] as? String == "Only in TODO.md")
        #expect(onlyTodo["inOwnerDoc"] as? Bool == false)
        #expect(onlyTodo["ownerLine"] is NSNull)
        #expect(onlyTodo["todoLine"] as? Int == 8)
        #expect(onlyTodo["priority"] as? String == "low")
    }

    /// Keys come in the documented order, so that diffs of the output stay small.
    @Test func keysInTheDocumentedOrder() throws {
        let text = String(decoding: TaskListJSON.encode(makePair(owner: owner, todo: todo)), as: UTF8.self)
        let order = ["\"id\":", "\"title\":", "\"section\":", "\"priority\":", "\"state\":", "\"group\":",
                     "\"critical\":", "\"inOwnerDoc\":", "\"inTodo\":", "\"ownerLine\":", "\"todoLine\":"]
        let firstTask = try #require(text.range(of: "\n{"))
        var from = firstTask.upperBound
        for key in order {
            let found = try #require(text.range(of: key, range: from..<text.endIndex), "\(key)")
            from = found.upperBound
        }
        #expect(text.hasPrefix("{\"owner\":\"CTO\",\"ownerDoc\":"))
        #expect(text.hasSuffix("\n]}\n"))
    }

    /// Invalid UTF-8 in a title is written as U+FFFD: the output is always valid JSON.
    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        var ownerBytes = utf8("## In Progress\n- [ ] Bad ")
        ownerBytes += [0xFF, 0xC3]
        ownerBytes += utf8(" bytes\n")
        let pair = TaskPair(paths: PairPaths(owner: "CTO", ownerDoc: "/o/a.md", todo: "/o/TODO.md"),
                            ownerBytes: ownerBytes, todoBytes: [])
        let tasks = try #require(try decode(TaskListJSON.encode(pair))["tasks"] as? [[String: Any]])
        #expect(tasks.first?["title"] as? String == "Bad \u{FFFD}\u{FFFD} bytes")
    }

    /// Many tasks: the writer's buffer grows past its first guess and keeps every byte.
    @Test func manyTasksGrowTheBuffer() throws {
        var doc = "## Pending\n"
        for i in 0..<3000 { doc += "- [ ] Task number \(i) with a longer title to fill the buffer \(String(repeating: "x", count: i % 300))\n" }
        let pair = makePair(owner: doc, todo: "")
        let tasks = try #require(try decode(TaskListJSON.encode(pair))["tasks"] as? [[String: Any]])
        #expect(tasks.count == 3000)
        #expect(tasks.last?["title"] as? String == "Task number 2999 with a longer title to fill the buffer \(String(repeating: "x", count: 2999 % 300))")
        #expect(tasks.last?["ownerLine"] as? Int == 3001)
    }

    /// Streamed in small pieces: the same bytes as the whole, in pieces no larger than asked
    /// for except where one string alone is larger.
    @Test func streamedPiecesJoinToTheSameBytes() throws {
        var doc = "## Pending\n"
        for i in 0..<200 { doc += "- [ ] Task \(i) \(String(repeating: "é", count: i % 90))\n" }
        let pair = makePair(owner: doc, todo: "- [ ] Task 3 [Owner: CTO]\n")
        let whole = TaskListJSON.encode(pair)
        var pieces: [[UInt8]] = []
        TaskListJSON.encode(pair, chunkSize: 128) { pieces.append(Array($0)) }
        #expect(pieces.joined().elementsEqual(whole))
        #expect(pieces.count >= whole.count / 128)
        #expect(!pieces.contains { $0.isEmpty })
        // Titles of over 128 bytes are handed over alone, without their quotes.
        let long = pieces.filter { $0.count > 128 }
        let longTitles = (0..<200).filter { "Task \($0) \(String(repeating: "é", count: $0 % 90))".utf8.count > 128 }
        #expect(long.count == longTitles.count && long.count > 10)
        #expect(long.allSatisfy { String(decoding: $0, as: UTF8.self).hasPrefix("Task ") && !$0.contains(0x22) })
    }
}
