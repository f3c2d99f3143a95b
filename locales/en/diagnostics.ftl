### Diagnostics: messages, labels and help lines, by code.
