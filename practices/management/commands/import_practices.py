"""Import practices from a CSV or JSON file; the format is in docs/import-format.md."""

from django.core.management.base import BaseCommand, CommandError

from portal.management.output import quiet
from practices.importer import ImportFileError, import_practices, progress_bar, report_lines


class Command(BaseCommand):
    help = (
        "Import practices from a CSV or JSON file (chosen by the file's extension). Invalid "
        "rows are reported and skipped; a practice is matched by its external_id, so running "
        "the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .csv or .json file; see docs/import-format.md.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Validate the file and say what would change, without saving anything.",
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="Save new and changed practices as drafts instead of publishing them.",
        )

    def handle(self, *args, **options):
        try:
            # Wagtail logs a line per page saved; the report says what happened instead.
            with quiet("wagtail", "django_tasks"):
                report = import_practices(
                    options["file"],
                    dry_run=options["dry_run"],
                    draft=options["draft"],
                    progress=self.show_progress if options["verbosity"] else None,
                )
        except ImportFileError as error:
            raise CommandError(str(error)) from error

        if options["verbosity"]:
            if report.outcomes or report.errors:
                self.stderr.write("")  # ends the progress bar's line
            for line in report_lines(report):
                self.stdout.write(line)
        if report.errors:
            # After the report, so that the valid rows are imported and every error shown;
            # the exit status tells a scheduled import that something needs a look.
            raise CommandError(f"{len(report.skipped_rows)} row(s) skipped; see the report.")

    def show_progress(self, done, total):
        self.stderr.write(f"\r{progress_bar(done, total)}", ending="")
        self.stderr.flush()
