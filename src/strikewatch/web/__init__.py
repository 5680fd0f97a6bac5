"""The analysts' web app: its pages, static assets and the paged read queries behind its
lists, served by ``api``; apart from the stage modules, which never need it."""
