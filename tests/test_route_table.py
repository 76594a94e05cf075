"""Every route of the app is in the access table below, with who may call it and the test
that shows it: a route added without saying so fails here, as a GraphQL root field without
a guard fails tests/test_permissions.py."""

from __future__ import annotations

import importlib
from pathlib import Path

from starlette.routing import BaseRoute, Mount, Route, WebSocketRoute

from gitstudio.app import create_app
from gitstudio.settings import Settings

# (path, method) -> (who may call it, "test module::test function" that shows it)
TABLE: dict[tuple[str, str], tuple[str, str]] = {
    ("/graphql", "GET"): ("each root field's guard", "test_permissions::test_reads_show_exactly_what_each_may_read"),
    ("/graphql", "POST"): ("each root field's guard", "test_permissions::test_every_project_mutation_needs_its_role_and_hides_what_it_may_not_read"),
    ("/graphql", "WEBSOCKET"): ("each subscription's guard; anonymous: PUBLIC", "test_subscription_access::test_every_subscription_admits_exactly_who_may_read_the_project"),
    ("/api/live", "POST"): ("EDITOR + EXPERIMENTS on the repository's project", "test_rest_access::test_live_needs_editor"),
    ("/webhook/dvc", "POST"): ("EDITOR + EXPERIMENTS on the repository's projects", "test_rest_access::test_dvc_webhook_needs_editor"),
    ("/api/view-links", "GET"): ("READ on the projects shown", "test_rest_access::test_view_links_need_read"),
    ("/api/live/images/{experiment_id:int}/{path:path}", "GET"): ("READ on the experiment's project", "test_rest_access::test_live_images_need_read"),
    ("/api/model-registry/get-download-uris", "GET"): ("READ on the model's project", "test_rest_access::test_model_downloads_need_read"),
    ("/api/model-registry/files/{project_id:int}/{sha}/{path:path}", "GET"): ("a link signed for a user who may READ it now", "test_rest_access::test_a_download_link_reads_as_the_user_it_was_minted_for"),
    ("/api/projects/{project_id:int}/blobs/{blob_id}/{name:path}", "GET"): ("READ on the project", "test_plot_images::test_plot_images_need_read"),
    ("/api/projects/{project_id:int}/experiments.csv", "GET"): ("READ on the project; anonymous: PUBLIC", "test_csv_export::test_the_export_reads_as_the_gate_says"),
    ("/api/create-project", "POST"): ("PROJECTS; a team's EDITOR for a team project", "test_permissions::test_studios_create_project_maps_team_name_and_public"),
    ("/metrics", "GET"): ("a site admin's ADMIN token (unless GITSTUDIO_METRICS_PUBLIC)", "test_observability::test_metrics_need_a_site_admins_admin_token"),
    ("/healthz", "GET"): ("anyone: no project data", "test_observability::test_healthz_answers_ok_when_everything_answers"),
    ("/login", "GET"): ("anyone: the sign-in page", "test_sessions::test_login_sets_a_hardened_cookie_and_signs_in"),
    ("/login", "POST"): ("anyone, throttled", "test_sessions::test_login_sets_a_hardened_cookie_and_signs_in"),
    ("/logout", "POST"): ("the session, with its CSRF token", "test_sessions::test_logout_needs_csrf_and_deletes_the_session"),
    ("/api/session", "GET"): ("the session", "test_sessions::test_logout_needs_csrf_and_deletes_the_session"),
    ("/login/oidc", "GET"): ("anyone: starts a sign-in", "test_oidc::test_sign_in_end_to_end_makes_the_user_joins_claimed_teams_and_finds_it_again"),
    ("/login/oidc/callback", "GET"): ("the browser that started it", "test_oidc::test_a_tampered_state_is_refused"),
    ("/webhooks/github", "POST"): ("the delivery's signature (no user)", "test_webhooks::test_wrong_signature_is_rejected_and_nothing_synced"),
    ("/webhooks/gitlab", "POST"): ("the delivery's token (no user)", "test_webhooks::test_webhooks_refuse_everything_without_a_configured_secret"),
    ("/api/device-login", "POST"): ("anyone: starts a device login, bounded", "test_users::test_device_login_mints_a_token_of_the_approvers_user"),
    ("/api/device-login/token", "POST"): ("the device code's holder", "test_users::test_device_login_mints_a_token_of_the_approvers_user"),
    ("/auth/device-login", "GET"): ("a signed-in user (else /login)", "test_live_e2e::test_dvc_studio_login"),
    ("/auth/device-login", "POST"): ("a signed-in user with CSRF, or a token", "test_sessions::test_device_login_is_approved_by_a_signed_in_user"),
    ("/graphiql/static", "MOUNT"): ("anyone: GraphiQL's own files", "test_graphiql::test_every_referenced_asset_is_served_as_vendored"),
    ("/", "GET"): ("anyone: the dashboard's HTML, no data (its data comes through /graphql)", "test_dashboard::test_every_page_path_answers_index_html_under_a_self_only_policy"),
    ("/projects/{name}", "GET"): ("anyone: the dashboard's HTML", "test_dashboard::test_every_page_path_answers_index_html_under_a_self_only_policy"),
    ("/projects/{name}/models/{model:model}", "GET"): ("anyone: the dashboard's HTML", "test_dashboard::test_every_page_path_answers_index_html_under_a_self_only_policy"),
    ("/models", "GET"): ("anyone: the dashboard's HTML", "test_dashboard::test_every_page_path_answers_index_html_under_a_self_only_policy"),
    ("/settings/tokens", "GET"): ("anyone: the dashboard's HTML", "test_dashboard::test_every_page_path_answers_index_html_under_a_self_only_policy"),
    ("/assets", "MOUNT"): ("anyone: the dashboard's built files", "test_dashboard::test_assets_are_served_with_immutable_caching"),
}  # fmt: skip


def routes_of(routes: list[BaseRoute], prefix: str = "") -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for route in routes:
        if isinstance(route, Mount):
            found.add((prefix + route.path, "MOUNT"))
        elif isinstance(route, WebSocketRoute):
            found.add((prefix + route.path, "WEBSOCKET"))
        elif isinstance(route, Route):
            found |= {(prefix + route.path, m) for m in route.methods or () if m != "HEAD"}
    return found


def test_every_route_is_in_the_access_table(tmp_path: Path) -> None:
    app = create_app(Settings(data_dir=tmp_path, database_url=f"sqlite://{tmp_path / 'r.db'}"))
    assert routes_of(app.routes) == set(TABLE)


def test_every_test_the_table_names_exists() -> None:
    for _who, where in TABLE.values():
        module, function = where.split("::")
        assert hasattr(importlib.import_module(module), function), where
