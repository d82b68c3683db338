#include "democontent.h"

#include <QStringList>

namespace kalito {

namespace {

const QList<QString> &topics()
{
    static const QList<QString> list = {
        QStringLiteral("Trip planning: Lisbon in spring"),
        QStringLiteral("Receta de tortilla de patatas"),
        QStringLiteral("Mom's medication schedule"),
        QStringLiteral("Rust borrow checker questions"),
        QStringLiteral("東京の週末プラン"),
        QStringLiteral("Garden: tomatoes 🍅 and basil 🌿"),
        QStringLiteral("Preparar la cita con el cardiólogo"),
        QStringLiteral("SQL window functions"),
        QStringLiteral("Bedtime story for Lucía"),
        QStringLiteral("مساعدة في كتابة رسالة"),
        QStringLiteral("Budget for the new flat"),
        QStringLiteral("Ejercicios de fisioterapia"),
        QStringLiteral("Learning Greek: Καλημέρα"),
        QStringLiteral("Blood pressure log review"),
        QStringLiteral("Birthday party ideas 🎉"),
    };
    return list;
}

const QList<QString> &userLines()
{
    static const QList<QString> list = {
        QStringLiteral("Can you help me plan three days in Lisbon? We like food and walking."),
        QStringLiteral("¿Cuánto tiempo hay que freír las patatas para la tortilla?"),
        QStringLiteral("Mom takes lisinopril 10 mg in the morning. Is it OK with ibuprofen?"),
        QStringLiteral("Why does `let r = &mut v; v.push(1);` fail to compile?"),
        QStringLiteral("週末に東京で行くべき場所を教えてください。"),
        QStringLiteral("thanks!"),
        QStringLiteral("ok 👍"),
        QStringLiteral("What's the difference between ROW_NUMBER() and RANK()?"),
        QStringLiteral("Escribe un cuento corto sobre un dragón que tenía miedo de la oscuridad 🐉"),
        QStringLiteral("هل يمكنك مساعدتي في كتابة رسالة شكر لمعلمتي؟"),
        QStringLiteral(
            "Here is the table I made: <table><tr><td>rent</td><td>950</td></tr></table> does it add up?"),
        QStringLiteral("Mi presión esta mañana: 138/85, pulso 72. ¿Es normal?"),
        QStringLiteral("What does 100% mean in \"50% off_all_items\"? (asking about the _ and % signs)"),
        QStringLiteral("Remind me: what did we decide about the blue paint?"),
        QStringLiteral("Πώς λέμε «ευχαριστώ πολύ» σε πιο επίσημο ύφος;"),
    };
    return list;
}

const QList<QString> &assistantLines()
{
    static const QList<QString> list = {
        QStringLiteral(
            "## Three days in Lisbon\n\n1. **Alfama** and the castle, then *fado* in the evening.\n"
            "2. **Belém**: the tower, the monastery and, of course, *pastéis de nata*.\n"
            "3. A day trip to **Sintra** 🏰.\n\n> Tip: wear good shoes, the hills are steep."),
        QStringLiteral(
            "Fríe las patatas a fuego medio unos **15–20 minutos**, hasta que estén tiernas pero no "
            "doradas. Luego escúrrelas y mézclalas con el huevo batido."),
        QStringLiteral(
            "NSAIDs such as ibuprofen can reduce the effect of ACE inhibitors like lisinopril and "
            "affect the kidneys. **Please check with her doctor or pharmacist** before combining them; "
            "paracetamol is often the safer choice."),
        QStringLiteral(
            "Because `r` is a mutable borrow of `v` that is still alive:\n\n```rust\nlet r = &mut v;\n"
            "v.push(1); // error[E0499]: cannot borrow `v` as mutable more than once\nr.push(2);\n```\n\n"
            "End the first borrow before using `v` again."),
        QStringLiteral("おすすめは浅草寺、上野公園、そして夜の渋谷スカイです。🗼 "
                       "天気が良ければ鎌倉への日帰りも楽しいですよ。"),
        QStringLiteral("You're welcome! 😊"),
        QStringLiteral(
            "`ROW_NUMBER()` gives every row a distinct number; `RANK()` gives ties the same rank and "
            "leaves gaps:\n\n| score | row_number | rank |\n|---|---|---|\n| 90 | 1 | 1 |\n| 90 | 2 | 1 |\n"
            "| 80 | 3 | 3 |"),
        QStringLiteral(
            "Había una vez un pequeño dragón llamado Chispa 🐉 que, aunque sabía escupir fuego, tenía "
            "miedo de la oscuridad. Cada noche encendía una diminuta llama para ver las estrellas..."),
        QStringLiteral(
            "بالتأكيد! إليك مسودة: «معلمتي العزيزة، أشكرك من قلبي على صبرك ودعمك طوال هذا العام.»"),
        QStringLiteral(
            "The HTML you pasted shows one row: rent 950. Written out: <b>rent</b> = 950 &amp; nothing "
            "else yet. Add utilities and food to see the whole month."),
        QStringLiteral("138/85 está un poco por encima de lo ideal (menos de 130/80). Un valor aislado no es "
                       "preocupante, pero anótalo y coméntalo con tu médico si se repite."),
        QStringLiteral(
            "In that text `%` is just a percent sign and `_` an underscore; in SQL `LIKE` patterns they "
            "are wildcards, which is why searches must escape them."),
        QStringLiteral("We decided on **Nordic Blue** for the bedroom and white for the hallway."),
        QStringLiteral("Πιο επίσημα: «Σας ευχαριστώ θερμά». 🙏"),
    };
    return list;
}

const QList<QString> &models()
{
    static const QList<QString> list = {QStringLiteral("gpt-4o-mini"), QStringLiteral("llama3.1:8b"),
                                        QStringLiteral("claude-3-haiku"), QStringLiteral("mistral:7b")};
    return list;
}

} // namespace

DemoContent::DemoContent(quint32 seed) : m_random(seed) {}

const QString &DemoContent::pick(const QList<QString> &list)
{
    return list.at(int(m_random.bounded(quint32(list.size()))));
}

QString DemoContent::sessionName()
{
    return pick(topics());
}

QString DemoContent::userMessage()
{
    return pick(userLines());
}

QString DemoContent::assistantMessage()
{
    // Now and then a very long answer, to exercise the detail pane.
    if (m_random.bounded(40) == 0) {
        QStringList paragraphs;
        const int n = 20 + int(m_random.bounded(60));
        for (int i = 0; i < n; ++i)
            paragraphs << QStringLiteral("### Part %1\n\n").arg(i + 1) + pick(assistantLines());
        return paragraphs.join(QStringLiteral("\n\n"));
    }
    return pick(assistantLines());
}

QString DemoContent::systemMessage()
{
    return QStringLiteral("Conversation summary refreshed; older messages condensed.");
}

QString DemoContent::pinContent()
{
    static const QList<QString> pins = {
        QStringLiteral("Mom: lisinopril 10 mg every morning; avoid ibuprofen"),
        QStringLiteral("Blood pressure target below 130/80"),
        QStringLiteral("Bedroom paint: Nordic Blue"),
        QStringLiteral("Cita con el cardiólogo: martes 10:30"),
        QStringLiteral("Likes: walking tours, fado, pastéis de nata 🥮"),
        QStringLiteral("Alergia a la penicilina"),
    };
    return pick(pins);
}

QString DemoContent::summary(int messageCount)
{
    return QStringLiteral("Summary of %1 messages: the user asked for help and the assistant answered with "
                          "concrete steps. Resumen: se acordaron los próximos pasos.")
        .arg(messageCount);
}

QString DemoContent::model()
{
    return pick(models());
}

} // namespace kalito
