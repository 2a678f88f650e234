#!/bin/sh
# Rebuild the signed demo bundle from the demo source folder.
# The demo key is for the demo archive only; no office ever trusts it.
set -eu
cd "$(dirname "$0")/.."
BANGTIN="${BANGTIN:-.venv/bin/bangtin}"
"$BANGTIN" bundle build resources/demo/source \
    --key resources/demo/demo-publisher.key \
    --publisher "Cổng thông tin điện tử tỉnh Sơn Hà (dữ liệu mẫu)" \
    --sequence 1 \
    --out resources/demo/demo.bangtin
rm -f resources/demo/demo-publisher.key.state.json
