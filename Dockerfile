# strikewatch's server image (docs/deploy.md). Every dependency is installed at the version and
# with the hashes of requirements.lock, as `make install` does, so a re-uploaded package cannot
# change what runs; strikewatch itself then goes in without resolving anything (--no-deps).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock

COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install --no-deps . \
    && useradd --system --create-home --home-dir /var/lib/strikewatch strikewatch

# the gazetteer index is cached under ~/.cache/strikewatch: the user's home is writable
USER strikewatch
WORKDIR /var/lib/strikewatch
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/openapi.json', timeout=4)"]
CMD ["strikewatch", "serve", "--host", "0.0.0.0", "--port", "8000", "--read-token"]
