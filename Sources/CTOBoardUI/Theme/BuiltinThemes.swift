/// Built-in copies of `themes/default.toml` and `themes/mono.toml`, so the board always has a
/// theme even when the themes folder cannot be found. A test checks they match the files.
enum BuiltinThemes {
    /// The text of `themes/default.toml`.
    static let defaultTOML = #"""
# ctoboard theme: default (for dark terminals)
#
# Each table is a role; each role has optional keys:
#   fg, bg     color name (default, black, red, green, yellow, blue, magenta, cyan, white,
#              bright-black ... bright-white, gray) or a number 0-255
#   bold, reverse, underline, dim   true or false
# Roles left out fall back to the mono theme's style. See themes/README.md.
name = "default"

[normal]
fg = "default"

[header]
fg = "bright-white"
bg = "blue"
bold = true

[footer]
fg = "black"
bg = "cyan"

[pane-title]
fg = "cyan"
bold = true

[active-pane-title]
fg = "black"
bg = "yellow"
bold = true

[selected-row]
fg = "black"
bg = "bright-cyan"
bold = true

[verify-badge]
fg = "black"
bg = "yellow"
bold = true

[critical-badge]
fg = "bright-white"
bg = "red"
bold = true

[conflict-badge]
fg = "black"
bg = "magenta"
bold = true

[done]
fg = "green"

[dim]
fg = "bright-black"

[group]
fg = "magenta"
bold = true
underline = true

[border]
fg = "bright-black"

[message]
fg = "bright-green"

[warning]
fg = "yellow"
bold = true

[error]
fg = "bright-white"
bg = "red"
bold = true

[overlay]
fg = "white"
bg = "black"

"""#

    /// The text of `themes/mono.toml`.
    static let monoTOML = #"""
# ctoboard theme: mono (no colors, attributes only; used for NO_COLOR and monochrome terminals)
# Format: see themes/README.md.
name = "mono"

[normal]

[header]
reverse = true
bold = true

[footer]
reverse = true

[pane-title]
bold = true

[active-pane-title]
reverse = true
bold = true

[selected-row]
reverse = true
bold = true

[verify-badge]
bold = true
underline = true

[critical-badge]
reverse = true
bold = true

[conflict-badge]
reverse = true
underline = true

[done]
dim = true

[dim]
dim = true

[group]
bold = true
underline = true

[border]
dim = true

[message]
bold = true

[warning]
bold = true
underline = true

[error]
reverse = true
bold = true

[overlay]

"""#
}
