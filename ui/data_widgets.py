"""Widgets of the Data page: import choices, questions, preview, editors, history.

Each draws one part of the page and keeps the user's choices under session keys
no widget owns (``ui.state.DATA_*``), so they survive a visit to another page
(F02). Checking and writing go through :mod:`geo.imports` and :mod:`geo.edits`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from geo import edits, imports, intake, store
from geo.errors import GeoInputError
from geo.regions import RegionPack
from geo.text import fmt_int, local_today, t
from ui import cache, state, widgets

UPLOAD_TYPES = {
    "batas": ["geojson", "json", "gpkg", "zip"],
}
TABLE_TYPES = ["csv", "txt", "xlsx", "xlsm"]
# kinds whose file may lack a date column: the page then asks for the date
DATED_KINDS = ("kasus", "okupansi")


@dataclass(frozen=True)
class Choice:
    """What the user chose for the import: kind, region, name and source."""

    kind: str
    region_kode: str
    who: str
    sumber: str
    as_of: dt.date | None
    tanggal: dt.date | None


def import_choices(packs: list[RegionPack]) -> Choice:
    """Draw the kind, region, name and source pickers and return the choice."""
    by_kode = {pack.kode: pack for pack in packs}
    state.persist("data_jenis_widget", state.DATA_KIND, "kasus")
    state.persist("data_wilayah_widget", state.DATA_REGION, packs[0].kode)
    if st.session_state["data_wilayah_widget"] not in by_kode:
        st.session_state["data_wilayah_widget"] = packs[0].kode
    state.persist("data_oleh_widget", state.DATA_WHO, "")
    state.persist("data_sumber_widget", state.DATA_SUMBER, "")

    left, right = st.columns(2)
    kind = left.selectbox(
        t("data_jenis"),
        list(imports.KINDS),
        format_func=lambda key: t(f"data_kind_{key}"),
        key="data_jenis_widget",
    )
    region_kode = right.selectbox(
        t("wilayah"),
        list(by_kode),
        format_func=lambda kode: f"{by_kode[kode].nama} ({kode})",
        key="data_wilayah_widget",
        disabled=kind == "batas",
    )
    who = left.text_input(t("data_oleh"), key="data_oleh_widget")
    sumber = right.text_input(t("data_sumber"), key="data_sumber_widget")
    for key, value in (
        (state.DATA_KIND, kind),
        (state.DATA_REGION, region_kode),
        (state.DATA_WHO, who),
        (state.DATA_SUMBER, sumber),
    ):
        state.remember(key, value)
    as_of = _date_input(t("data_per_tanggal"), state.DATA_AS_OF, kind == "penduduk")
    tanggal = _date_input(
        t("data_tanggal_berkas"), state.DATA_TANGGAL, kind in DATED_KINDS
    )
    return Choice(kind, region_kode, who.strip(), sumber.strip(), as_of, tanggal)


def with_file_date(answers: imports.Answers, choice: Choice) -> imports.Answers:
    """Return ``answers`` with the date the user gave for a file without dates."""
    if choice.kind not in DATED_KINDS or choice.tanggal is None:
        return answers
    return dataclasses.replace(answers, tanggal=choice.tanggal.isoformat())


def _date_input(label: str, key: str, is_shown: bool) -> dt.date | None:
    if not is_shown:
        return st.session_state.get(key)
    widget_key = f"{key}_widget"
    state.persist(widget_key, key, None)
    # no day after the command center's today can be picked (geo refuses it too)
    today = local_today().date()
    value = st.date_input(label, key=widget_key, format="DD/MM/YYYY", max_value=today)
    state.remember(key, value)
    return value


def uploaded_file(kind: str) -> tuple[str, bytes] | None:
    """Draw the uploader; return the file's name and bytes, kept across pages."""
    return widgets.kept_upload(
        t("data_berkas"),
        types=UPLOAD_TYPES.get(kind, TABLE_TYPES),
        key="data_berkas_widget",
        help=t("data_berkas_help"),
        state_key=state.DATA_FILE,
        kept_text=t("data_berkas_tersimpan", name="{name}"),
        forget_label=t("data_buang_berkas"),
    )


def answers_for(kind: str, name: str, data: bytes, sha: str) -> imports.Answers:
    """Return the saved answers of this file, asking boundary columns and CRS."""
    saved = st.session_state.setdefault(state.DATA_ANSWERS, {}).get(sha)
    answers = imports.Answers() if saved is None else imports.answers_from_json(saved)
    if kind != "batas":
        return answers

    columns, crs = imports.boundary_columns(data, name)
    left, middle, right = st.columns(3)
    kode_column = left.selectbox(
        t("data_kolom_kode"), columns, index=_index(columns, answers.kode_column)
    )
    nama_column = middle.selectbox(
        t("data_kolom_nama"), columns, index=_index(columns, answers.nama_column)
    )
    if crs is None:
        given = right.text_input(t("data_crs_tanya"), value=answers.crs or "EPSG:4326")
    else:
        right.caption(t("data_crs_terbaca", crs=crs))
        given = None
    return _save_answers(
        sha,
        imports.Answers(
            **{
                **_fields(answers),
                "kode_column": kode_column,
                "nama_column": nama_column,
                "crs": given,
            }
        ),
    )


def _index(options: list[str], wanted: str) -> int:
    return options.index(wanted) if wanted in options else 0


def _fields(answers: imports.Answers) -> dict:
    return imports.answers_from_json(imports.answers_to_json(answers)).__dict__


def _save_answers(sha: str, answers: imports.Answers) -> imports.Answers:
    st.session_state.setdefault(state.DATA_ANSWERS, {})[sha] = imports.answers_to_json(
        answers
    )
    return answers


def questions(
    result: intake.IntakeResult, answers: imports.Answers, sha: str
) -> imports.Answers:
    """Draw the intake's questions; return the answers (saved when they change).

    A question stays on screen once answered (the intake no longer asks it), so
    the user can change the answer; a date order is never preselected.
    """
    asked = _asked(result, sha)
    if not asked:
        return answers
    st.subheader(t("data_pertanyaan"))
    fields = _fields(answers)
    confirmed = dict(answers.confirmed_names)
    for number, question in enumerate(asked):
        if question.kind == "kelurahan":
            is_yes = st.checkbox(
                question.text,
                value=question.value in confirmed,
                key=f"data_q_{sha[:12]}_{number}",
            )
            if is_yes:
                confirmed[question.value] = question.options[0]
            else:
                confirmed.pop(question.value, None)
            continue
        current = _current_option(question, answers)
        choice = st.radio(
            question.text,
            question.options,
            index=None if current is None else question.options.index(current),
            format_func=lambda option: t(f"data_opsi_{option}"),
            horizontal=True,
            key=f"data_q_{sha[:12]}_{number}",
        )
        if question.kind == "urutan_tanggal":
            fields["date_order"] = choice
        elif choice is not None:
            fields["is_daily"] = choice == "harian"
    fields["confirmed_names"] = confirmed
    new = imports.Answers(**fields)
    if new != answers:
        _save_answers(sha, new)
        st.rerun()
    return new


def _asked(result: intake.IntakeResult, sha: str) -> list[intake.Question]:
    """Return every question asked about this file so far, first asked first."""
    asked = st.session_state.setdefault(state.DATA_QUESTIONS, {}).setdefault(sha, [])
    seen = {(question.kind, question.column, question.value) for question in asked}
    for question in result.questions:
        if (question.kind, question.column, question.value) not in seen:
            asked.append(question)
    return asked


def _current_option(question: intake.Question, answers: imports.Answers) -> str | None:
    if question.kind == "urutan_tanggal":
        return answers.date_order
    if answers.is_daily is not None:
        return "harian" if answers.is_daily else "kumulatif"
    return question.detected or question.options[0]


def preview(result: intake.IntakeResult) -> None:
    """Draw rows read = accepted + quarantined, totals, discarded columns, problems."""
    summary = imports.preview(result)
    first, second, third = st.columns(3)
    first.metric(t("data_dibaca"), fmt_int(summary.rows_read))
    second.metric(t("data_diterima"), fmt_int(summary.accepted))
    third.metric(t("data_dikarantina"), fmt_int(summary.quarantined))
    if len(summary.totals):
        st.caption(t("data_total_kolom"))
        st.dataframe(
            summary.totals.set_axis(
                [t("data_kolom"), t("data_diterima"), t("data_dikarantina")], axis=1
            ),
            hide_index=True,
        )
    discarded = ", ".join(summary.discarded_columns)
    if discarded:
        st.info(t("data_kolom_dibuang", columns=discarded))
    for note in summary.notes:
        if note != t("intake_note_discarded", columns=discarded):
            st.warning(note)
    if summary.quarantined:
        st.caption(t("data_baris_karantina"))
        st.dataframe(imports.quarantine_view(result), hide_index=True)
        st.download_button(
            t("data_unduh_karantina"),
            intake.quarantined_csv(result),
            file_name="karantina.csv",
            mime="text/csv",
            key="data_unduh_karantina_pratinjau",
        )


def write_button(
    choice: Choice,
    result: intake.IntakeResult,
    name: str,
    sha: str,
) -> None:
    """Draw the write button (or say the file is in already); write on press."""
    engine = cache.engine()
    region_kode, new_region = choice.region_kode, None
    if choice.kind == "batas":
        new_region = _new_region_fields()
        region_kode = new_region[0]
    if region_kode:
        # the bundled pack goes in first, so it never overwrites this newer file
        cache.bundled(region_kode)
    earlier = (
        store.find_batch(engine, imports.KINDS[choice.kind], region_kode, sha)
        if region_kode
        else None
    )
    if earlier is not None:
        # right after saving, the success message already says it is stored
        if earlier.id != st.session_state.get(state.DATA_SAVED_BATCH):
            st.info(t("data_sudah_diimpor", id=earlier.id, who=earlier.who))
        return
    if not st.button(t("data_simpan"), type="primary", key="data_simpan"):
        return

    if new_region is not None:
        batch = imports.create_region(
            engine,
            *new_region,
            result,
            who=choice.who,
            file_name=name,
            file_sha256=sha,
        )
    else:
        batch = imports.write_result(
            engine,
            choice.kind,
            region_kode,
            result,
            who=choice.who,
            file_name=name,
            file_sha256=sha,
            sumber=choice.sumber or None,
            as_of=choice.as_of,
        )
    cache.refresh_after_write()
    message = t(
        "data_tersimpan",
        id=batch.id,
        accepted=fmt_int(batch.rows_accepted),
        quarantined=fmt_int(batch.rows_quarantined),
    )
    state.remember(state.DATA_MESSAGE, " ".join([message, *batch.notes]))
    state.remember(state.DATA_SAVED_BATCH, batch.id)
    st.rerun()


def _new_region_fields() -> tuple[str, str]:
    saved = st.session_state.get(state.DATA_NEW_REGION) or ("", "")
    left, right = st.columns(2)
    kode = left.text_input(t("data_wilayah_kode"), value=saved[0])
    nama = right.text_input(t("data_wilayah_nama"), value=saved[1])
    state.remember(state.DATA_NEW_REGION, (kode.strip(), nama.strip()))
    st.caption(t("data_wilayah_crs"))
    return kode.strip(), nama.strip()


def editors(region_kode: str, who: str) -> None:
    """Draw the facility and resource tables as editors, each with a save button."""
    engine = cache.engine()
    cache.bundled(region_kode)
    facilities = edits.facility_table(engine, region_kode)
    st.subheader(t("data_fasilitas"))
    if facilities.empty:
        st.caption(t("data_fasilitas_kosong"))
    else:
        edited = st.data_editor(
            facilities,
            disabled=["id"],
            hide_index=True,
            column_config=_column_labels(facilities.columns),
            key=f"data_edit_fasilitas_{region_kode}",
        )
        if st.button(t("data_simpan_fasilitas"), key="data_simpan_fasilitas"):
            _report(edits.apply_facility_edits(engine, facilities, edited, who))

    # LIMITATION: edits not yet saved live in the table widget only and are
    # lost when the user leaves the page; saved ones are in the store.
    st.subheader(t("data_sumber_daya"))
    resources = edits.resource_table(engine, region_kode)
    kinds = [t(f"sumber_daya_{kind}") for kind in store.RESOURCE_KINDS]
    edited = st.data_editor(
        resources,
        disabled=["id", "contoh"],
        hide_index=True,
        num_rows="dynamic",
        column_config={
            **_column_labels(resources.columns),
            "jenis": st.column_config.SelectboxColumn(
                t("data_edit_col_jenis"), options=kinds
            ),
        },
        key=f"data_edit_sumber_daya_{region_kode}",
    )
    if st.button(t("data_simpan_sumber_daya"), key="data_simpan_sumber_daya"):
        outcome = edits.apply_resource_edits(
            engine, region_kode, resources, edited, who
        )
        _report(outcome)


def _column_labels(columns: pd.Index) -> dict[str, object]:
    """Return Indonesian headers; positions with six decimals (about 0.1 m)."""
    config: dict[str, object] = {}
    for column in columns:
        label = t(f"data_edit_col_{column}")
        if column in ("lat", "lon"):
            config[column] = st.column_config.NumberColumn(label, format="%.6f")
        else:
            config[column] = st.column_config.Column(label)
    return config


def _report(outcome: edits.EditOutcome) -> None:
    cache.refresh_after_write()
    message = t(
        "data_edit_hasil",
        changed=outcome.changed,
        added=outcome.added,
        deleted=outcome.deleted,
    )
    state.remember(state.DATA_MESSAGE, " ".join([message, *outcome.problems]))
    st.rerun()


def history() -> None:
    """Draw every import batch, a batch's quarantined rows, and the audit log."""
    engine = cache.engine()
    st.subheader(t("data_riwayat"))
    batches = store.batches(engine)
    st.dataframe(imports.batch_table(engine), hide_index=True, key="data_riwayat")
    with_problems = batches[batches["rows_quarantined"] > 0]
    if len(with_problems):
        batch_id = st.selectbox(
            t("data_pilih_batch"),
            with_problems["id"].tolist(),
            format_func=lambda value: _batch_label(with_problems, value),
            key="data_batch_karantina",
        )
        st.download_button(
            t("data_unduh_karantina"),
            imports.quarantine_csv(engine, int(batch_id)),
            file_name=f"karantina_impor_{batch_id}.csv",
            mime="text/csv",
            key="data_unduh_karantina_batch",
        )
    st.subheader(t("data_audit"))
    st.dataframe(imports.audit_table(engine), hide_index=True, key="data_audit")


def _batch_label(batches: pd.DataFrame, batch_id: int) -> str:
    row = batches.set_index("id").loc[batch_id]
    return t(
        "data_batch_label",
        id=batch_id,
        name=row["file_name"],
        count=fmt_int(row["rows_quarantined"]),
    )


def show_error(err: GeoInputError) -> None:
    """Show a user-fixable problem without stopping the rest of the page."""
    st.error(str(err))
