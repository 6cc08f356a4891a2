"""The target groups in every language of the site, and every practice filed with the
goals, themes and target groups of its own language.

A practice translated before this was filed with its source's terms (wagtail-localize
copies many-to-many relations as they are); from now on ``BasePage.clean`` files each
translation with its own language's terms, and this moves the existing ones there.
"""

from django.db import migrations

LANGUAGES = ["en", "sv", "da", "nb", "fi", "is"]

# slug -> language -> name
TARGET_GROUPS = {
    "children": {"sv": "Barn", "da": "Børn", "nb": "Barn", "fi": "Lapset", "is": "Börn"},
    "young-people": {
        "sv": "Unga",
        "da": "Unge",
        "nb": "Unge",
        "fi": "Nuoret",
        "is": "Ungt fólk",
    },
    "parents-and-families": {
        "sv": "Föräldrar och familjer",
        "da": "Forældre og familier",
        "nb": "Foreldre og familier",
        "fi": "Vanhemmat ja perheet",
        "is": "Foreldrar og fjölskyldur",
    },
    "residents": {
        "sv": "Invånare i ett område",
        "da": "Beboere i et område",
        "nb": "Beboere i et område",
        "fi": "Alueen asukkaat",
        "is": "Íbúar hverfis",
    },
    "public-servants": {
        "sv": "Offentliganställda",
        "da": "Offentligt ansatte",
        "nb": "Offentlig ansatte",
        "fi": "Julkisen sektorin työntekijät",
        "is": "Opinberir starfsmenn",
    },
    "businesses": {
        "sv": "Lokala företag och fastighetsägare",
        "da": "Lokale virksomheder og grundejere",
        "nb": "Lokale bedrifter og gårdeiere",
        "fi": "Paikalliset yritykset ja kiinteistönomistajat",
        "is": "Fyrirtæki og fasteignaeigendur á svæðinu",
    },
    "people-leaving-crime-or-extremism": {
        "sv": "Personer som lämnar kriminalitet eller våldsbejakande extremism",
        "da": "Personer, der forlader kriminalitet eller voldelig ekstremisme",
        "nb": "Personer som forlater kriminalitet eller voldelig ekstremisme",
        "fi": "Rikollisuudesta tai väkivaltaisesta ekstremismistä irtautuvat",
        "is": "Fólk sem snýr baki við afbrotum eða ofbeldisfullri öfgahyggju",
    },
    "victims": {
        "sv": "Brottsoffer och utsatta",
        "da": "Ofre og udsatte",
        "nb": "Ofre og utsatte",
        "fi": "Uhrit ja kohteeksi joutuneet",
        "is": "Brotaþolar og þau sem verða fyrir aðkasti",
    },
    "women-and-girls": {
        "sv": "Kvinnor och flickor",
        "da": "Kvinder og piger",
        "nb": "Kvinner og jenter",
        "fi": "Naiset ja tytöt",
        "is": "Konur og stúlkur",
    },
}

TERM_FIELDS = ["charter_goals", "capital_code_themes", "target_groups"]


def translate_target_groups(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    TargetGroup = apps.get_model("practices", "TargetGroup")
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    for source in TargetGroup.objects.filter(locale=locales["en"]):
        for code, name in TARGET_GROUPS.get(source.slug, {}).items():
            TargetGroup.objects.get_or_create(
                translation_key=source.translation_key,
                locale=locales[code],
                defaults={"slug": source.slug, "name": name},
            )


def file_practices_in_their_language(apps, schema_editor):
    PracticePage = apps.get_model("practices", "PracticePage")
    for field in TERM_FIELDS:
        model = PracticePage._meta.get_field(field).related_model
        terms = {(term.translation_key, term.locale_id): term for term in model.objects.all()}
        for practice in PracticePage.objects.prefetch_related(field):
            related = getattr(practice, field)
            chosen = list(related.all())
            filed = [terms.get((term.translation_key, practice.locale_id), term) for term in chosen]
            if filed != chosen:
                related.set(filed)


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0006_search_document_facets"),
        ("portal", "0005_reference_data_in_six_languages"),
    ]

    operations = [
        migrations.RunPython(translate_target_groups, migrations.RunPython.noop),
        migrations.RunPython(file_practices_in_their_language, migrations.RunPython.noop),
    ]
