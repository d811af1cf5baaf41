"""Message templates of the loaders: every problem type's message and fix, in Spanish and English.

A problem type (a stable slug such as ``duplicate-id``) has two entries: ``slug``
(what is wrong) and ``slug.fix`` (how to fix it). Templates are formatted with
the problem's location (``file``, ``row``, ``column``, ``value``) and its own
parameters.

Examples
--------
>>> CATALOG.t("empty-quote", "en")
'the quote is empty'
>>> CATALOG.t("bad-year.fix", "es")
'escriba el año con 4 cifras (1900–2030) o deje la celda vacía'
>>> sorted(PROBLEM_TYPES)[:3]
['alias-conflict', 'bad-csv', 'bad-dataset-toml']
"""
from __future__ import annotations

from essgraph.i18n import Catalog

__all__ = ["CATALOG", "PROBLEM_TYPES"]

_SAVE_UTF8_ES = "en Excel: Guardar como → «CSV UTF-8 (delimitado por comas)»; en LibreOffice: juego de caracteres «Unicode (UTF-8)»"
_SAVE_UTF8_EN = "in Excel: Save As → 'CSV UTF-8 (Comma delimited)'; in LibreOffice: character set 'Unicode (UTF-8)'"

_MESSAGES: dict[str, tuple[str, str]] = {
    # Reading a file
    "unsupported-format": ("{file}: el formato '{suffix}' no se admite", "{file}: format '{suffix}' is not supported"),
    "unsupported-format.fix": ("guárdelo como CSV UTF-8 o como .xlsx", "save it as CSV UTF-8 or as .xlsx"),
    "unreadable": ("no se puede leer {file}: {reason}", "cannot read {file}: {reason}"),
    "unreadable.fix": ("compruebe que el archivo existe y que tiene permiso para leerlo",
                       "check that the file exists and that you may read it"),
    "too-large": ("{file} pesa {size_mb} MB, más que el límite de {limit_mb} MB de un archivo {format}",
                  "{file} is {size_mb} MB, over the {limit_mb} MB limit of a {format} file"),
    "too-large.fix": ("un libro XLSX se carga entero en memoria: guarde una tabla tan grande como CSV UTF-8 "
                      "(se lee fila a fila, hasta {csv_limit_mb} MB por archivo); un CSV aún mayor, divídalo en "
                      "varios archivos listados en [files] de dataset.toml",
                      "an XLSX workbook is loaded whole into memory: save a table this large as CSV UTF-8 "
                      "(read row by row, up to {csv_limit_mb} MB a file); split a larger CSV into several files "
                      "listed under [files] in dataset.toml"),
    "empty-file": ("{file} está vacío", "{file} is empty"),
    "empty-file.fix": ("escriba en la primera fila los nombres de columna de data/SCHEMA.md, o borre el archivo",
                       "write the column names of data/SCHEMA.md in the first row, or delete the file"),
    "bad-encoding": ("{file} no es UTF-8 ni Windows-1252 (byte {byte} en la posición {position})",
                     "{file} is neither UTF-8 nor Windows-1252 (byte {byte} at position {position})"),
    "bad-encoding.fix": ("ábralo en una hoja de cálculo y guárdelo como UTF-8: " + _SAVE_UTF8_ES,
                         "open it in a spreadsheet and save it as UTF-8: " + _SAVE_UTF8_EN),
    "binary-file": ("{file} contiene bytes NUL: no es un CSV de texto", "{file} contains NUL bytes: it is not a text CSV"),
    "binary-file.fix": ("expórtelo como CSV UTF-8 o guárdelo como .xlsx", "export it as CSV UTF-8 or save it as .xlsx"),
    "bad-csv": ("{file}, fila {row}: CSV mal formado ({reason})", "{file}, row {row}: malformed CSV ({reason})"),
    "bad-csv.fix": ("un valor con coma, comillas o salto de línea va entre comillas dobles, con las comillas internas duplicadas",
                    "a value holding a comma, quote or line break goes in double quotes, inner quotes doubled"),
    "single-column": ("{file} tiene una sola columna ('{value}'): no se reconoció el separador",
                      "{file} has a single column ('{value}'): the separator was not recognised"),
    "single-column.fix": ("guárdelo con comas como separador (" + "«CSV UTF-8 (delimitado por comas)»); también se aceptan ';' y tabulador",
                          "save it with commas as separator ('CSV UTF-8 (Comma delimited)'); ';' and tab are accepted too"),
    "blank-header": ("{file}: la celda de encabezado {cell} está vacía o combinada",
                     "{file}: header cell {cell} is blank or merged"),
    "blank-header.fix": ("dé a cada columna un nombre de data/SCHEMA.md en la primera fila (separe las celdas combinadas)",
                         "give every column a name from data/SCHEMA.md in the first row (unmerge merged cells)"),
    "duplicate-header": ("{file}: la columna '{value}' se repite (celda {cell})", "{file}: column '{value}' is repeated (cell {cell})"),
    "duplicate-header.fix": ("deje una sola columna con ese nombre", "keep a single column of that name"),
    "bad-xlsx": ("{file} no es un libro XLSX legible ({reason})", "{file} is not a readable XLSX workbook ({reason})"),
    "bad-xlsx.fix": ("guárdelo de nuevo como .xlsx desde la hoja de cálculo, o expórtelo como CSV UTF-8",
                     "save it again as .xlsx from the spreadsheet, or export it as CSV UTF-8"),
    "no-sheet": ("{file} no tiene ninguna hoja visible con datos", "{file} has no visible sheet with data"),
    "no-sheet.fix": ("ponga los datos en la primera hoja visible", "put the data in the first visible sheet"),
    "error-cell": ("{file}: la celda {sheet}!{cell} muestra el error {value} de una fórmula, no un dato",
                   "{file}: cell {sheet}!{cell} shows the formula error {value}, not a value"),
    "error-cell.fix": ("corrija la fórmula o escriba el valor en la celda y guarde de nuevo",
                       "fix the formula or type the value in the cell, and save again"),
    "xlsx-inflates": ("{file} se descomprime en {size} MiB: demasiado para un libro de datos (¿un archivo dañado o malicioso?)",
                      "{file} inflates to {size} MiB: too much for a data workbook (a damaged or hostile file?)"),
    "xlsx-inflates.fix": ("guarde los datos como CSV UTF-8, o pida el libro original",
                          "save the data as UTF-8 CSV, or ask for the original workbook"),
    "formula-without-value": ("{file}: la celda {sheet}!{cell} tiene una fórmula sin valor guardado ({value})",
                              "{file}: cell {sheet}!{cell} has a formula without a saved value ({value})"),
    "formula-without-value.fix": ("ábralo en una hoja de cálculo, deje que recalcule y guárdelo; o pegue solo los valores",
                                  "open it in a spreadsheet, let it recalculate and save it; or paste values only"),
    # Notes of a reader (warnings)
    "encoding-fallback": ("{file} no es UTF-8: se leyó como Windows-1252 (Latin-1)",
                          "{file} is not UTF-8: it was read as Windows-1252 (Latin-1)"),
    "encoding-fallback.fix": ("guárdelo como UTF-8: " + _SAVE_UTF8_ES, "save it as UTF-8: " + _SAVE_UTF8_EN),
    "delimiter": ("{file} usa '{value}' como separador (Excel en español); se leyó bien",
                  "{file} uses '{value}' as separator (Spanish-locale Excel); it was read correctly"),
    "delimiter.fix": ("nada que hacer; para compartirlo, guárdelo como «CSV UTF-8 (delimitado por comas)»",
                      "nothing to do; to share it, save it as 'CSV UTF-8 (Comma delimited)'"),
    "hidden-sheet": ("{file}: se ignora la hoja oculta '{value}'", "{file}: hidden sheet '{value}' is ignored"),
    "hidden-sheet.fix": ("si tiene datos, muévalos a la primera hoja", "if it holds data, move them to the first sheet"),
    "extra-sheet": ("{file}: solo se lee la hoja '{sheet}'; se ignora la hoja '{value}'",
                    "{file}: only sheet '{sheet}' is read; sheet '{value}' is ignored"),
    "extra-sheet.fix": ("ponga cada tabla en su propio archivo", "put each table in a file of its own"),
    # The data folder and dataset.toml
    "no-data": ("no hay archivos de datos en {file}", "no data files in {file}"),
    "no-data.fix": ("indique una carpeta de datos que contenga organizations.csv, relationships.csv… (ver data/SCHEMA.md)",
                    "give a data folder holding organizations.csv, relationships.csv… (see data/SCHEMA.md)"),
    "bad-dataset-toml": ("dataset.toml no se puede leer: {reason}", "dataset.toml cannot be read: {reason}"),
    "bad-dataset-toml.fix": ("corrija la sintaxis TOML (https://toml.io/es/)", "fix the TOML syntax (https://toml.io/en/)"),
    "bad-files-table": ("dataset.toml [files]: {reason}", "dataset.toml [files]: {reason}"),
    "bad-files-table.fix": ("liste los archivos por tipo, p. ej. organizations = [\"organizations.csv\"]; tipos: {allowed}",
                            "list the files per kind, e.g. organizations = [\"organizations.csv\"]; kinds: {allowed}"),
    "missing-file": ("{file} figura en dataset.toml pero no existe", "{file} is listed in dataset.toml but does not exist"),
    "missing-file.fix": ("cree el archivo o quítelo de [files] en dataset.toml",
                         "create the file or remove it from [files] in dataset.toml"),
    "unlisted-file": ("{file} está en la carpeta pero no figura en dataset.toml [files]: se ignora",
                      "{file} is in the folder but not listed in dataset.toml [files]: it is ignored"),
    "unlisted-file.fix": ("añádalo a [files] en dataset.toml, o quítelo de la carpeta",
                          "add it to [files] in dataset.toml, or move it out of the folder"),
    # Columns
    "missing-column": ("falta la columna obligatoria '{column}'", "required column '{column}' is missing"),
    "missing-column.fix": ("añada la columna '{column}'; columnas de este archivo: {allowed}",
                           "add the column '{column}'; this file's columns: {allowed}"),
    "unknown-column": ("la columna '{column}' no es parte del esquema y se ignora{hint}",
                       "column '{column}' is not part of the schema and is ignored{hint}"),
    "unknown-column.fix": ("renómbrela o bórrela; columnas de este archivo: {allowed}",
                           "rename or delete it; this file's columns: {allowed}"),
    "extra-cells": ("hay {count} valor(es) más allá de la última columna: {value}",
                    "{count} value(s) beyond the last column: {value}"),
    "extra-cells.fix": ("probablemente un valor tiene una coma sin comillas: póngalo entre comillas dobles",
                        "a value probably holds an unquoted comma: wrap it in double quotes"),
    # Values
    "missing-value": ("el valor obligatorio '{column}' está vacío", "required value '{column}' is empty"),
    "missing-value.fix": ("complete '{column}' (ver data/SCHEMA.md)", "fill in '{column}' (see data/SCHEMA.md)"),
    "bad-enum": ("'{value}' no es un valor permitido de {column}{hint}", "'{value}' is not an allowed value of {column}{hint}"),
    "bad-enum.fix": ("use uno de: {allowed}", "use one of: {allowed}"),
    "bad-id": ("'{value}' no es un id válido", "'{value}' is not a valid id"),
    "bad-id.fix": ("use minúsculas ASCII, cifras y guiones simples, p. ej. '{suggestion}'",
                   "use lowercase ASCII letters, digits and single dashes, e.g. '{suggestion}'"),
    "duplicate-id": ("el id '{value}' ya se usa en {other_file} fila {other_row}",
                     "id '{value}' is already used in {other_file} row {other_row}"),
    "duplicate-id.fix": ("dé otro id a una de las dos filas, o únalas", "give one of the two rows another id, or merge them"),
    "alias-conflict": ("el alias '{value}' de '{id}' es también {what} de '{other_id}' ({other_file} fila {other_row})",
                       "alias '{value}' of '{id}' is also the {what} of '{other_id}' ({other_file} row {other_row})"),
    "alias-conflict.fix": ("quite el alias de una de las dos entidades, o únalas si son la misma",
                           "remove the alias from one of the two entities, or merge them if they are the same"),
    "unknown-reference": ("'{value}' en {column} no es un id conocido de {target}{hint}",
                          "'{value}' in {column} is not a known {target} id{hint}"),
    "unknown-reference.fix": ("use el id de una fila existente de {target}, o añada esa fila",
                              "use the id of an existing {target} row, or add that row"),
    "bad-endpoint-label": ("{type} no puede ir de {start_label} '{start}' a {end_label} '{end}'",
                           "{type} cannot go from {start_label} '{start}' to {end_label} '{end}'"),
    "bad-endpoint-label.fix": ("{type} va de {allowed_start} a {allowed_end}{swap}",
                               "{type} goes from {allowed_start} to {allowed_end}{swap}"),
    "unknown-relationship-type": ("'{value}' no es un tipo de relación{hint}", "'{value}' is not a relationship type{hint}"),
    "unknown-relationship-type.fix": ("use uno de: {allowed}", "use one of: {allowed}"),
    "bad-year": ("'{value}' en {column} no es un año entre 1900 y 2030", "'{value}' in {column} is not a year between 1900 and 2030"),
    "bad-year.fix": ("escriba el año con 4 cifras (1900–2030) o deje la celda vacía",
                     "write the year with 4 digits (1900–2030) or leave the cell empty"),
    "bad-number": ("'{value}' en {column} no es un número", "'{value}' in {column} is not a number"),
    "bad-number.fix": ("escriba solo cifras (decimales con punto) o deje la celda vacía",
                       "write digits only (decimals with a point) or leave the cell empty"),
    "empty-quote": ("la cita está vacía", "the quote is empty"),
    "empty-quote.fix": ("copie las palabras exactas del informe que prueban esta fila",
                        "copy the exact words of the report that prove this row"),
    "bad-evidence": ("'{value}' no es una evidencia válida para {type}", "'{value}' is not valid evidence for {type}"),
    "bad-evidence.fix": ("use 'stated' (el informe lo dice) o 'inferred'; SHARES_CONTACT es siempre 'inferred'",
                         "use 'stated' (the report says it) or 'inferred'; SHARES_CONTACT is always 'inferred'"),
    "self-relationship": ("{type} va de '{value}' a sí mismo", "{type} goes from '{value}' to itself"),
    "self-relationship.fix": ("corrija start o end", "correct start or end"),
    "duplicate-relationship": ("la misma relación {type} entre '{start}' y '{end}' con la misma cita que {other_file} fila {other_row}",
                               "the same {type} between '{start}' and '{end}' with the same quote as {other_file} row {other_row}"),
    "duplicate-relationship.fix": ("borre una de las dos filas (las relaciones simétricas se escriben una vez)",
                                   "delete one of the two rows (symmetric relationships are written once)"),
    "duplicate-symmetric-tie": ("{type} es simétrica y el par '{start}'–'{end}' ya figura en {other_file} fila {other_row}",
                                "{type} is symmetric and the pair '{start}'–'{end}' is already in {other_file} row {other_row}"),
    "duplicate-symmetric-tie.fix": ("deje una sola fila por par, en cualquier sentido; cite la otra mención del informe en su nota",
                                    "keep a single row per pair, in either direction; cite the report's other mention in its note"),
    "mojibake": ("'{value}' parece texto dañado por una codificación equivocada (¿'{fixed}'?)",
                 "'{value}' looks garbled by a wrong encoding ('{fixed}'?)"),
    "mojibake.fix": ("reemplace el texto dañado por '{fixed}' y guarde el archivo como UTF-8",
                     "replace the garbled text with '{fixed}' and save the file as UTF-8"),
    "replacement-character": ("'{value}' contiene el carácter �: se perdieron letras en una conversión",
                              "'{value}' holds the character �: letters were lost in a conversion"),
    "replacement-character.fix": ("vuelva a escribir las letras perdidas según el informe",
                                  "retype the lost letters from the report"),
    "possible-duplicate": ("'{value}' ({id}) parece la misma entidad que '{other_value}' ({other_id}, {other_file} fila {other_row})",
                           "'{value}' ({id}) looks like the same entity as '{other_value}' ({other_id}, {other_file} row {other_row})"),
    "possible-duplicate.fix": ("si son la misma, deje una fila y ponga la otra grafía en aliases",
                               "if they are the same, keep one row and put the other spelling in aliases"),
    # Survey responses (essgraph survey check / merge)
    "survey-unreadable": ("no se puede leer la respuesta: {reason}", "the response cannot be read: {reason}"),
    "survey-unreadable.fix": ("pida a la organización que vuelva a guardar y enviar el archivo (no lo edite a mano)",
                              "ask the organization to save and send the file again (do not edit it by hand)"),
    "survey-not-a-response": ("no es una respuesta de encuesta de essgraph ({column} = '{value}')",
                              "not an essgraph survey response ({column} = '{value}')"),
    "survey-not-a-response.fix": ("use el archivo que guarda el botón «Guardar respuestas» del formulario",
                                  "use the file the form's \"Save answers\" button saves"),
    "survey-version": ("versión de formato {value}; esta versión de essgraph lee la {expected}",
                       "format version {value}; this essgraph reads version {expected}"),
    "survey-version.fix": ("actualice essgraph, o haga los formularios con esta versión", "update essgraph, or make the forms with this version"),
    "survey-missing": ("falta {column}", "{column} is missing"),
    "survey-missing.fix": ("complete {column} en el formulario y guarde de nuevo", "fill in {column} in the form and save again"),
    "survey-bad-value": ("'{value}' no es un valor permitido de {column}", "'{value}' is not an allowed value of {column}"),
    "survey-bad-value.fix": ("use uno de: {allowed}", "use one of: {allowed}"),
    "survey-bad-year": ("'{value}' en {column} no es un año entre 1900 y {max_year}", "'{value}' in {column} is not a year between 1900 and {max_year}"),
    "survey-bad-year.fix": ("escriba el año con cuatro cifras, o déjelo vacío", "write the year with four digits, or leave it empty"),
    "survey-unknown-org": ("'{value}' en {column} no es una organización del mapa{hint}", "'{value}' in {column} is not an organization of the map{hint}"),
    "survey-unknown-org.fix": ("use el id de una organización del mapa (los formularios los traen)", "use the id of an organization of the map (the forms carry them)"),
    "survey-unknown-tie": ("{column}: la organización no tiene ese vínculo registrado ({value})", "{column}: the organization has no such tie on record ({value})"),
    "survey-unknown-tie.fix": ("haga el formulario de nuevo con los datos actuales", "make the form again from the current data"),
    "survey-self-tie": ("{column}: la organización se nombra a sí misma", "{column}: the organization names itself"),
    "survey-self-tie.fix": ("quite esa respuesta", "remove that answer"),
    "survey-duplicate": ("{column} repite la respuesta de {other}", "{column} repeats the answer of {other}"),
    "survey-duplicate.fix": ("deje una sola de las dos", "keep only one of the two"),
    "survey-duplicate-response": ("otra respuesta de '{value}' para la ronda {round}: {other}", "another response of '{value}' for round {round}: {other}"),
    "survey-duplicate-response.fix": ("combine solo la más reciente", "merge only the most recent one"),
    "survey-too-long": ("{column} tiene {length} caracteres (máximo {limit})", "{column} has {length} characters (at most {limit})"),
    "survey-too-long.fix": ("acorte el texto", "shorten the text"),
    "survey-near-duplicate": ("'{value}' se parece a una organización del mapa{hint}",
                              "'{value}' looks like an organization of the map{hint}"),
    "survey-near-duplicate.fix": ("si es la misma, márquela en la lista del formulario en vez de añadirla como nueva",
                                  "if it is the same, mark it in the form's list instead of adding it as new"),
    "survey-unknown-field": ("campo desconocido {column} (se ignora)", "unknown field {column} (ignored)"),
    "survey-unknown-field.fix": ("borre el campo o actualice essgraph", "delete the field or update essgraph"),
    # Pieces of messages
    "did-you-mean": (" — ¿quiso decir {options}?", " — did you mean {options}?"),
    "swap": ("; ¿invertir start y end?", "; swap start and end?"),
    "what.name": ("el nombre", "name"),
    "what.alias": ("un alias", "alias"),
    "what.id": ("el id", "id"),
}

#: Every problem type (slug) the loaders report.
PROBLEM_TYPES: frozenset[str] = frozenset(
    key for key in _MESSAGES if f"{key}.fix" in _MESSAGES
)

CATALOG = Catalog(_MESSAGES)
