"""Settings: `base` holds everything, read from environment variables; `dev`, `test` and
`production` only change what differs between those places."""
