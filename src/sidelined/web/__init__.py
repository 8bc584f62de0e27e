"""The web pages: Jinja2 templates, the timeline chart, article highlighting, static files."""
