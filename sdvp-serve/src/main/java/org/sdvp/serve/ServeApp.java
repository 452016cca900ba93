package org.sdvp.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import org.sdvp.serve.pages.EvalPage;
import org.sdvp.serve.pages.ExperimentPage;
import org.sdvp.serve.pages.HtmlWriter;
import org.sdvp.serve.pages.Query;
import org.sdvp.serve.pages.QuestionPage;
import org.sdvp.serve.pages.QuestionsPage;
import org.sdvp.serve.pages.RunsPage;
import org.sdvp.serve.pages.StagePage;
import org.sdvp.serve.runs.RunFiles;
import org.sdvp.serve.runs.Runs;

/**
 * {@code sdvp serve}: a read-only web app over the runs under one folder. Only GET routes exist; every
 * file read goes through {@link RunFiles} (nothing outside the folder), pages are built by
 * {@link HtmlWriter} (everything escaped), and the Content-Security-Policy allows scripts from this server
 * only (ECharts from its webjar, the page script), so even a mistake in escaping could not run a script.
 */
public final class ServeApp implements AutoCloseable {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'self'";

    private final Javalin app;
    private final String host;

    private ServeApp(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /**
     * Starts serving {@code runs} on {@code host:port} (port 0: any free port).
     *
     * @throws IOException when the folder does not exist
     */
    public static ServeApp start(Path runsDir, String host, int port) throws IOException {
        Runs runs = new Runs(runsDir);
        Javalin app = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.jetty.host = host;
                    config.jetty.port = port;
                    config.staticFiles.enableWebjars();
                    config.staticFiles.add(sf -> {
                        sf.hostedPath = "/static";
                        sf.directory = "/org/sdvp/serve/static";
                        sf.location = Location.CLASSPATH;
                    });
                    config.routes.before(ServeApp::headers);
                    config.routes.get("/", ctx -> ctx.html(RunsPage.render(runs)));
                    config.routes.get("/experiment", page(q -> ExperimentPage.render(runs, q.or("run", ""))));
                    config.routes.get("/questions", page(q -> QuestionsPage.render(runs, q)));
                    config.routes.get("/question", page(q -> QuestionPage.render(runs, q)));
                    config.routes.get("/trace", page(q -> QuestionPage.trace(runs, q)));
                    config.routes.get("/stage", page(q -> StagePage.render(runs, q.or("run", ""))));
                    config.routes.get("/eval", page(q -> EvalPage.render(runs, q)));
                    config.routes.get("/eval-question", page(q -> EvalPage.question(runs, q)));
                    config.routes.get("/eval-trace", page(q -> EvalPage.trace(runs, q)));
                    config.routes.exception(
                            RunFiles.NotFound.class, (e, ctx) -> error(ctx, 404, "Not found", e.getMessage()));
                    config.routes.exception(
                            IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, "Bad request", e.getMessage()));
                    config.routes.exception(
                            Exception.class,
                            (e, ctx) -> error(ctx, 500, "Could not read the run", String.valueOf(e.getMessage())));
                })
                .start();
        return new ServeApp(app, host);
    }

    public int port() {
        return app.port();
    }

    /** The address to open, e.g. {@code http://127.0.0.1:7070/}. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : h) + ":" + port() + "/";
    }

    @Override
    public void close() {
        app.stop();
    }

    private static io.javalin.http.Handler page(Function<Query, String> render) {
        return ctx -> ctx.html(render.apply(ctx::queryParam));
    }

    private static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    private static void error(Context ctx, int status, String title, String message) {
        HtmlWriter h = new HtmlWriter();
        h.open("html")
                .open("head")
                .empty("meta", "charset", "utf-8")
                .el("title", title)
                .empty("link", "rel", "stylesheet", "href", "/static/serve.css")
                .close("head")
                .open("body")
                .open("nav")
                .link("/", "runs")
                .close("nav")
                .el("h1", title)
                .el("p", message, "class", "err")
                .close("body")
                .close("html");
        ctx.status(status).html(h.toString());
    }
}
