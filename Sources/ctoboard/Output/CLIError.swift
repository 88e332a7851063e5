import ArgumentParser

/// A failure the user can act on: one line on standard error and a documented exit code.
struct CLIError: Error, CustomStringConvertible {
    /// The documented exit codes (README, "Exit codes"), defined here only.
    enum Code: Int32 {
        /// Drift (`check`), conflicts left (`sync`, the merge driver), nothing to undo or redo, an undo or redo refused.
        case drift = 1
        case badInput = 2
        case writeFailed = 3
        case locked = 4
    }

    var message: String
    var code: Code

    init(_ message: String, code: Code) {
        self.message = message
        self.code = code
    }

    var description: String { message }
}

extension ParsableCommand {
    /// Runs `body`, turning a ``CLIError`` into its message and exit code.
    func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CLIError {
            printError("ctoboard: \(error.message)")
            throw ExitCode(error.code.rawValue)
        }
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    var stream = StandardError()
    print(text, to: &stream)
}

/// Standard error as a text output stream.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var s = string
        s.withUTF8 { buf in
            _ = fwriteStderr(buf)
        }
    }
}
