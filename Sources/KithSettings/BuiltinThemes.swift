// The themes shipped in Themes/, built in so that an installed binary has them.
// ThemeFileTests checks that these texts equal the files: edit the files, then copy.

enum BuiltinThemes {
    static let all: [String: String] = [
        "dark": #"""
# kith theme: dark — for a dark terminal background.
# [palette] names colours: "default" (the terminal's own), 0-255 (xterm-256), or "#rrggbb".
# [roles] says how each part of the screen looks: fg, bg (a palette name or a colour)
# and modifiers (bold, dim, underline, reverse). A role left out falls back to its
# parent ("keyhint.key" → "keyhint") and then to "text".
name = "dark"

[palette]
fg = "default"
bg = "default"
bar = 235
grey = 245
line = 240
blue = 75
sky = 110
sand = 180
white = 231
navy = 24
shade = 236
light = 250
red = 203
yellow = 221
green = 114
violet = 176

[roles]
text = { fg = "fg", bg = "bg" }
muted = { fg = "grey" }
border = { fg = "line" }
"border.focused" = { fg = "blue", modifiers = ["bold"] }
selection = { fg = "white", bg = "navy", modifiers = ["bold"] }
"selection.inactive" = { bg = "shade" }
title = { fg = "sand", modifiers = ["bold"] }
header = { fg = 252, bg = "bar" }
statusbar = { fg = "light", bg = "bar" }
"keyhint.key" = { fg = "blue", bg = "bar", modifiers = ["bold"] }
"keyhint.desc" = { fg = "light", bg = "bar" }
error = { fg = "red", bg = "bar", modifiers = ["bold"] }
"emotion.pleasant" = { fg = "green" }
"emotion.unpleasant" = { fg = "violet" }
overdue = { fg = "red", bg = "bar", modifiers = ["bold"] }
due = { fg = "yellow", bg = "bar", modifiers = ["bold"] }
accent = { fg = "sky" }
"""#,
        "light": #"""
# kith theme: light — for a light terminal background.
name = "light"

[palette]
fg = "default"
bar = 254
grey = 243
line = 249
blue = 25
teal = 30
brown = 94
navy = 17
pale = 153
mist = 255
ink = 236
red = 160
amber = 130
green = 28
plum = 90

[roles]
text = { fg = "fg" }
muted = { fg = "grey" }
border = { fg = "line" }
"border.focused" = { fg = "blue", modifiers = ["bold"] }
selection = { fg = "navy", bg = "pale", modifiers = ["bold"] }
"selection.inactive" = { bg = "mist" }
title = { fg = "brown", modifiers = ["bold"] }
header = { fg = "ink", bg = "bar" }
statusbar = { fg = "ink", bg = "bar" }
"keyhint.key" = { fg = "blue", bg = "bar", modifiers = ["bold"] }
"keyhint.desc" = { fg = "ink", bg = "bar" }
error = { fg = "red", bg = "bar", modifiers = ["bold"] }
"emotion.pleasant" = { fg = "green" }
"emotion.unpleasant" = { fg = "plum" }
overdue = { fg = "red", bg = "bar", modifiers = ["bold"] }
due = { fg = "amber", bg = "bar", modifiers = ["bold"] }
accent = { fg = "teal" }
"""#,
        "high-contrast": #"""
# kith theme: high-contrast — the 16 basic colours only, bold where it matters.
name = "high-contrast"

[palette]
black = 0
white = 15
yellow = 11
cyan = 14
green = 10
magenta = 13
red = 9

[roles]
text = { fg = "white", bg = "black" }
muted = { fg = 7, bg = "black" }
border = { fg = "white", bg = "black" }
"border.focused" = { fg = "yellow", bg = "black", modifiers = ["bold"] }
selection = { fg = "black", bg = "yellow", modifiers = ["bold"] }
"selection.inactive" = { fg = "black", bg = 7 }
title = { fg = "cyan", bg = "black", modifiers = ["bold"] }
header = { fg = "black", bg = "white", modifiers = ["bold"] }
statusbar = { fg = "black", bg = "white" }
"keyhint.key" = { fg = "black", bg = "white", modifiers = ["bold", "underline"] }
"keyhint.desc" = { fg = "black", bg = "white" }
error = { fg = "white", bg = "red", modifiers = ["bold"] }
"emotion.pleasant" = { fg = "green", bg = "black", modifiers = ["bold"] }
"emotion.unpleasant" = { fg = "magenta", bg = "black", modifiers = ["bold", "underline"] }
overdue = { fg = "white", bg = "red", modifiers = ["bold"] }
due = { fg = "black", bg = "yellow", modifiers = ["bold"] }
accent = { fg = "cyan", bg = "black" }
"""#,
        "monochrome": #"""
# kith theme: monochrome — no colour at all, only bold, dim, underline and reverse.
# Also what NO_COLOR and colourless terminals get.
name = "monochrome"
color = false

[roles]
text = {}
muted = { modifiers = ["dim"] }
border = {}
"border.focused" = { modifiers = ["bold"] }
selection = { modifiers = ["reverse"] }
"selection.inactive" = { modifiers = ["underline"] }
title = { modifiers = ["bold"] }
header = { modifiers = ["reverse"] }
statusbar = { modifiers = ["reverse"] }
"keyhint.key" = { modifiers = ["reverse", "bold"] }
"keyhint.desc" = { modifiers = ["reverse"] }
error = { modifiers = ["reverse", "bold"] }
"emotion.pleasant" = { modifiers = ["bold"] }
"emotion.unpleasant" = { modifiers = ["underline"] }
overdue = { modifiers = ["reverse", "bold"] }
due = { modifiers = ["reverse", "bold"] }
accent = {}
"""#,
    ]
}
