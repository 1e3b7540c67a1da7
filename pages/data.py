"""What came in, what was accepted and why the rest was not, and who changed what?

Reads an uploaded file (cases, line list, facilities, resources, population or
a new region's boundaries), the store's import batches and its audit log.
"""

from __future__ import annotations

import streamlit as st

from geo import imports
from geo.errors import GeoInputError
from geo.text import t
from ui import cache, data_widgets, state

state.init()
packs = cache.list_packs()
st.title(t("page_data"))
st.caption(t("data_intro"))
message = st.session_state.get(state.DATA_MESSAGE)
if message:
    st.success(message)

tab_import, tab_edit, tab_history = st.tabs(
    [t("data_tab_impor"), t("data_tab_ubah"), t("data_tab_riwayat")]
)
with tab_import:
    choice = data_widgets.import_choices(packs)
    upload = data_widgets.uploaded_file(choice.kind)
    if upload is not None:
        name, data = upload
        sha = imports.file_sha256(data)
        try:
            answers = data_widgets.with_file_date(
                data_widgets.answers_for(choice.kind, name, data, sha), choice
            )
            result = cache.check_upload(
                choice.kind,
                choice.region_kode,
                name,
                sha,
                data,
                imports.answers_to_json(answers),
            )
            data_widgets.questions(result, answers, sha)
            data_widgets.preview(result)
            data_widgets.write_button(choice, result, name, sha)
        except GeoInputError as err:
            data_widgets.show_error(err)

with tab_edit:
    st.caption(t("data_ubah_keterangan"))
    try:
        data_widgets.editors(choice.region_kode, choice.who)
    except GeoInputError as err:
        data_widgets.show_error(err)

with tab_history:
    data_widgets.history()
