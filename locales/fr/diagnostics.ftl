### Diagnostics : messages, libellés et aides, par code.
