"""Held-out, hand-labelled sentiment set for multi-sentence assistant outputs.

Each item is an answer or reply of the kind an LLM assistant produces: 2 to 8 sentences
(30 to 200 words) of English about some subject (a product, a service, a piece of code, a
piece of writing, an everyday situation, or a plain fact).

Labelling rule: ``sentiment`` is the overall stance of the whole output toward its subject,
as a careful reader would judge it. It is one of "positive", "negative" or "neutral".

- Individual polar words do not decide the label. "A negative number", "the test fails
  when...", "a positive result" and "bad gateway" are descriptive and stay neutral.
- When an output both praises and criticises, the label follows the verdict the reader
  takes away, which is usually the one stated last or explicitly ("Still, I'd buy it
  again" -> positive; "overall it is not worth the money" -> negative).
- Negations are read for their meaning: "not bad at all" and "never disappointed" are
  positive; "I wouldn't call it good" is negative.
- An apology followed by helpful, factual content is neutral; the apology is politeness,
  not a stance. It is labelled otherwise only when the content clearly evaluates something.
- Sarcasm is labelled as a human reads it: "Great, another update that deletes my
  settings" is negative.

The ``kind`` field records which of these phenomena an item exercises, so results can be
broken down by category. The texts were written by hand for this set; keep it held out
and do not tune a scorer against it.

Use :func:`items` to get the list of dicts with keys ``id``, ``output``, ``sentiment`` and
``kind``.
"""

# Clearly favourable assessments.
PLAIN_POSITIVE: list[str] = [
    "I've been using this standing desk for three months and it has held up beautifully. The "
    "motor is quiet, the height presets are reliable, and the surface still looks new. Assembly "
    "took under an hour with clear instructions. I'd happily recommend it to anyone working from "
    "home.",
    "The onboarding course was excellent. Each module builds on the last, the exercises are "
    "practical, and the instructor explains tricky concepts with real patience. By the end I felt "
    "confident setting up pipelines on my own. It was well worth the time.",
    "This restaurant exceeded every expectation we had. The pasta was fresh and perfectly "
    "seasoned, the staff were warm without hovering, and dessert was memorable. Prices were fair "
    "for the quality. We have already booked a table for next month.",
    "Your pull request is in great shape. The refactor makes the parser much easier to follow, "
    "the new tests cover the edge cases I would have asked about, and the commit messages are "
    "clear. I'm happy to approve it as is.",
    "The library's documentation is a pleasure to read. Every function has a short example, the "
    "guides walk through common workflows, and the changelog explains breaking changes plainly. "
    "Getting a prototype running took me about twenty minutes. I'd pick it again for the next "
    "project.",
    "The hotel was a lovely surprise. Our room was spotless and quiet, the bed was comfortable, "
    "and the breakfast had plenty of fresh options. Staff at the front desk helped us book a tour "
    "and even lent us umbrellas. We would gladly stay there again.",
    "These headphones sound fantastic for the price. Bass is tight rather than boomy, vocals are "
    "clear, and the noise cancelling handles a train commute with ease. They are light enough to "
    "wear all day. I'm genuinely impressed.",
    "The novel is a gripping, beautifully written read. Its characters feel like real people, the "
    "plot twists are earned, and the final chapters left me moved. I finished it in two evenings. "
    "It easily deserves a place on this year's best-of lists.",
    "Switching our team to this project tracker was one of the best decisions we made this year. "
    "Boards load instantly, the keyboard shortcuts save real time, and the integrations with our "
    "repository just work. Even the less technical colleagues picked it up quickly.",
    "The plumber who came out was superb. He arrived on time, explained exactly what was wrong "
    "with the boiler, and fixed it within an hour. The invoice matched the quote to the cent. "
    "I've saved his number and will call him first next time.",
    "Your essay is strong and persuasive. The introduction sets up the argument clearly, each "
    "paragraph supports it with well-chosen evidence, and the conclusion ties everything together "
    "neatly. The prose is confident and easy to follow. I think it is ready to submit.",
    "This blender is a workhorse. It crushes ice in seconds, makes silky smoothies, and the jar "
    "is easy to clean. After a year of daily use it still runs like new. For the price, I don't "
    "think you can do better.",
    "The new release is a clear improvement. Startup time dropped noticeably, memory usage is "
    "lower, and the settings page finally makes sense. I haven't hit a single crash since "
    "upgrading. It's the most polished version of the app so far.",
    "The hiking trail was absolutely worth the drive. The path is well marked, the views from the "
    "ridge are breathtaking, and the waterfall at the halfway point is a perfect lunch spot. It's "
    "challenging without being punishing. I'd do it again in a heartbeat.",
    "Customer support handled my refund wonderfully. The agent understood the problem "
    "immediately, processed the return the same day, and followed up to confirm the money had "
    "arrived. The whole thing took less than ten minutes of my time. That's how service should "
    "be.",
    "The design mock-ups look excellent. The colour palette is calm and consistent, the "
    "typography hierarchy is easy to scan, and the checkout flow has far fewer steps than before. "
    "Users in our quick test completed purchases faster. I'd ship this version.",
    "This coffee grinder delivers wonderfully consistent grounds at every setting. It's quieter "
    "than my old one, the hopper is easy to remove, and the static is minimal. My morning "
    "espresso has never tasted better. It's a purchase I'm really pleased with.",
    "I thoroughly enjoyed the conference. The talks were well chosen, the speakers were engaging, "
    "and the hallway conversations were just as valuable as the sessions. The organisers kept "
    "everything running on schedule. I'm already planning to attend next year.",
    "Your database schema is well designed. Tables are normalised sensibly, the indexes match the "
    "queries you described, and the naming is consistent throughout. Migrations will be "
    "straightforward with this layout. Nice work, and thank you for documenting the trade-offs so "
    "carefully.",
    "The language app has made learning Spanish genuinely fun. Lessons are short enough to fit "
    "into a lunch break, the speech recognition is accurate, and the review system brings back "
    "words just before I forget them. After six months I can hold a simple conversation. I "
    "recommend it warmly.",
    "The electric car has been a joy to own. Range comfortably covers my weekly driving, charging "
    "at home is effortless, and the ride is smooth and quiet. Servicing costs have been close to "
    "nothing. I can't imagine going back to petrol.",
    "This tent performed brilliantly on our camping trip. It went up in ten minutes, stayed dry "
    "through a night of heavy rain, and had plenty of room for two people and their gear. It "
    "packs down small too. Excellent value.",
    "The tutorial series is outstanding. Concepts are introduced one at a time, the code samples "
    "actually run, and the author anticipates exactly the questions a beginner would ask. I "
    "finally understand how async code works. Thank you for recommending it.",
    "The dentist's office was wonderful with my nervous daughter. The hygienist explained each "
    "step in a calm voice, the waiting area had books and toys, and the appointment ran on time. "
    "She left smiling and asking when she can go back. We've found our family dentist.",
    "The monitor's picture quality is stunning. Colours are accurate out of the box, text is "
    "crisp at its native resolution, and there's no noticeable backlight bleed. The stand adjusts "
    "in every direction. It has made long editing sessions far more pleasant.",
    "Your presentation went really well. The slides were clean, the story flowed logically from "
    "problem to solution, and you handled the tough questions with composure. Several people told "
    "me afterwards they found it the most useful talk of the day.",
    "This password manager is excellent. Autofill works reliably across browsers and phones, "
    "sharing credentials with family is simple, and the security audit feature caught several "
    "weak passwords I'd forgotten about. Setup was painless. It's worth every penny of the "
    "subscription.",
    "The moving company did a fantastic job. The crew wrapped our furniture carefully, nothing "
    "was scratched or broken, and they finished two hours earlier than estimated. They were "
    "polite and cheerful throughout a long day. I'd hire them again without hesitation.",
    "The recipe turned out perfectly. The bread had a crisp crust and an airy crumb, the timings "
    "were accurate, and the instructions explained why each step matters. Even my first attempt "
    "looked like something from a bakery. It's now my go-to loaf.",
    "The city's new bike lanes have been a big success in my experience. Commuting feels much "
    "safer with the physical barriers, the signals are timed well for cyclists, and the routes "
    "connect the neighbourhoods people actually travel between. My ride to work is quicker and "
    "far more relaxing.",
]

# Clearly unfavourable assessments.
PLAIN_NEGATIVE: list[str] = [
    "I can't recommend this vacuum. The suction dropped noticeably after a few weeks, the battery "
    "barely lasts fifteen minutes, and the dustbin clogs constantly. Replacement filters are "
    "expensive and hard to find. It was a waste of money.",
    "The meal was disappointing from start to finish. The soup arrived lukewarm, the steak was "
    "overcooked despite our request, and we waited forty minutes for the bill. For those prices, "
    "the experience was simply unacceptable.",
    "This pull request needs substantial rework before it can be merged. The function is far too "
    "long, error handling is missing on every network call, and there are no tests for the new "
    "behaviour. Several variable names are misleading as well. I'm requesting changes.",
    "The hotel was a letdown. Our room smelled of smoke, the air conditioning rattled all night, "
    "and the shower drain was blocked. When we complained, the front desk shrugged and offered "
    "nothing. We checked out a day early.",
    "Frankly, the sequel is a mess. The plot meanders without purpose, the new characters are "
    "flat, and the ending undoes everything that made the first film work. Even the effects look "
    "cheaper. I left the cinema bored and irritated.",
    "The router has been nothing but trouble. It drops the connection several times a day, the "
    "admin interface is slow and confusing, and the promised firmware fix never arrived. I've "
    "wasted hours restarting it. Avoid this model.",
    "This online course is poorly put together. Half of the videos have muffled audio, the "
    "exercises reference files that don't exist, and the instructor never answers questions in "
    "the forum. I asked for a refund after the third module.",
    "The airline handled our delay terribly. Nobody announced what was happening for two hours, "
    "the rebooking desk had one person for three hundred passengers, and the meal voucher covered "
    "barely a sandwich. Our luggage arrived three days late.",
    "The library is painful to work with. Its API changes in every minor release, the error "
    "messages are cryptic, and the documentation is out of date. I spent a whole afternoon on "
    "something that should take ten minutes. I'd steer clear of it.",
    "My new phone case is junk. The corners cracked after a single drop, the buttons are so stiff "
    "I have to press them twice, and the cutout blocks part of the camera lens. It also collects "
    "lint in every seam. I'm sending it back.",
    "The landlord has been impossible to deal with. Repairs take weeks to even acknowledge, the "
    "heating has been broken since November, and emails go unanswered. I've documented everything "
    "and I'm looking for a new place.",
    "The app update made everything worse. Pages take twice as long to load, the navigation was "
    "rearranged for no clear reason, and it now logs me out several times a day. Many reviewers "
    "report the same problems. I regret installing it.",
    "This chair is deeply uncomfortable. The seat cushion flattened within a month, the armrests "
    "wobble, and the lumbar support digs in at exactly the wrong spot. After an hour of work my "
    "back aches. It was a poor purchase.",
    "The gym's management is dreadful. Half the machines have had out-of-order signs for months, "
    "the changing rooms are dirty, and they made cancelling my membership deliberately difficult. "
    "I would not sign up there again.",
    "Your report has serious problems. The data in the second table contradicts the summary, "
    "several sources are cited incorrectly, and the conclusion makes claims the analysis doesn't "
    "support. It will need a thorough revision before anyone reviews it.",
    "The printer is a constant source of frustration. It refuses third-party ink, jams on "
    "ordinary paper, and the wireless setup failed every time I tried it. When it does work, the "
    "prints come out streaky. I wish I had bought a different brand.",
    "The contractor did shoddy work on our bathroom. The tiles are uneven, the grout is already "
    "cracking, and water leaks under the door after every shower. He has stopped returning our "
    "calls. We now have to pay someone else to redo it.",
    "The smartwatch is a disappointment. Its heart rate readings are wildly inaccurate, the "
    "battery dies before the end of the day, and notifications arrive minutes late. The strap "
    "also irritated my skin. I've stopped wearing it.",
    "The tour was badly organised. The guide arrived late, rushed through the sites we came to "
    "see, and spent an hour at a souvenir shop that clearly paid commissions. The bus was cramped "
    "and too hot. I would not book with this company again.",
    "This framework adds more problems than it solves. Build times are painfully slow, the "
    "configuration is spread over five different files, and upgrading broke half our plugins. "
    "Debugging its magic is a nightmare. We're planning to migrate away.",
    "The delivery service has been awful. Parcels are left in the rain, tracking updates are "
    "fiction, and twice my package was marked delivered when it never arrived. Their chat support "
    "just pastes the same apology. I'll pay more to use a different courier.",
    "The laptop's keyboard is terrible. Keys stick, the spacebar registers double presses, and "
    "the backlight flickers at low brightness. For a machine at this price, it feels cheaply "
    "made. I regret not trying it in a shop first.",
    "The museum exhibition was underwhelming. Most of the promised pieces were on loan elsewhere, "
    "the labels were vague, and the audio guide kept crashing. It took twenty minutes to see "
    "everything. It was not worth the ticket price.",
    "Honestly, this tutorial does more harm than good. It teaches deprecated functions, skips "
    "over error handling entirely, and the final code has a security hole. Beginners who follow "
    "it will pick up bad habits. Please find a different resource.",
    "The rental car was in poor condition. The tyres were worn, a warning light came on during "
    "the first hour, and the interior smelled of mildew. The company then charged us for a "
    "scratch that was already there. A thoroughly unpleasant experience.",
    "The insurance claim process was a nightmare. I submitted the same documents three times, "
    "each call reached a different agent who knew nothing about my case, and the payout was a "
    "fraction of what the policy promised. I'm switching providers at renewal.",
    "The headphones broke in under two months. The left earcup cut out intermittently, then "
    "stopped working altogether, and the warranty process demanded I pay shipping both ways. "
    "Sound quality was mediocre even before that. Not recommended.",
    "This coffee machine makes bitter, watery coffee no matter how I adjust it. It leaks from the "
    "base, the milk frother is weak, and descaling takes forever. The touchscreen is unresponsive "
    "with wet fingers. I'm very unhappy with it.",
    "The meeting was a poor use of everyone's time. There was no agenda, the discussion went in "
    "circles, and we left without a single decision or owner for the next steps. Two hours of our "
    "day, gone. We need to run these very differently.",
    "The streaming service keeps getting worse. Prices went up again, several favourite shows "
    "vanished from the catalogue, and now there are ads even on the paid plan. Playback buffers "
    "constantly in the evening. I've cancelled my subscription.",
]

# Explanations, instructions and definitions with no evaluative stance. Polar words
# (negative, positive, fails, success, bad, good) are used descriptively only.
NEUTRAL_FACTUAL: list[str] = [
    "A negative number is any real number less than zero. When you multiply two negative numbers, "
    "the result is positive, while multiplying a negative by a positive gives a negative result. "
    "On a number line, negative values sit to the left of zero.",
    "The test fails when the function returns None instead of an empty list. To fix it, add a "
    "guard at the start that returns an empty list if the input is empty. Then run pytest again "
    "to confirm that the assertion passes.",
    "An HTTP 404 status code means the server could not find the requested resource. It differs "
    "from 500, which signals an internal server error, and from 403, which means access is "
    "forbidden. Clients usually display an error page for all three.",
    'To reset your password, open the login page and click "Forgot password". Enter the email '
    "address linked to your account, and a reset link will arrive within a few minutes. The link "
    "expires after 24 hours, so use it before then.",
    "Photosynthesis is the process plants use to convert light energy into chemical energy. "
    "Chlorophyll absorbs light, mainly in the red and blue wavelengths, and the plant uses that "
    "energy to turn carbon dioxide and water into glucose and oxygen.",
    "In a blood test, a positive result means the marker being tested for was detected, and a "
    "negative result means it was not. Neither word says anything about whether the outcome is "
    "desirable; that depends on what is being tested. Your doctor will interpret the result in "
    "context.",
    "Git rebase moves a sequence of commits onto a new base commit. Unlike merge, it rewrites "
    "history, producing new commit hashes. Use `git rebase -i` to reorder, squash or edit commits "
    "before pushing a branch to a shared remote.",
    "The Treaty of Westphalia was signed in 1648 and ended the Thirty Years' War. It established "
    "the principle that states have sovereignty over their own territory. Historians often cite "
    "it as the origin of the modern state system.",
    "Exit code 0 conventionally indicates success, and any non-zero code indicates failure. Shell "
    "scripts can check the value through the `$?` variable. Many tools use specific codes, such "
    "as 2 for misuse of command-line arguments.",
    "To convert a temperature from Celsius to Fahrenheit, multiply it by 9/5 and then add 32. For "
    "example, 20 degrees Celsius becomes 68 degrees Fahrenheit. To convert in the other "
    "direction, subtract 32 and multiply the result by 5/9.",
    "A bear market is usually defined as a decline of 20 percent or more from a recent peak in a "
    "broad index. A bull market is the opposite, a sustained rise. The terms describe price "
    "movements and do not predict how long a trend will last.",
    "Sourdough is leavened with a culture of wild yeast and lactic acid bacteria rather than "
    "commercial yeast. The starter is fed with flour and water at regular intervals. Fermentation "
    "typically takes longer, which gives the bread its characteristic tang.",
    "In Python, a list is mutable while a tuple is immutable. Lists are written with square "
    "brackets and tuples with parentheses. Tuples can be used as dictionary keys if all their "
    "elements are hashable, whereas lists cannot.",
    "The meeting room on the third floor seats twelve people and has a projector and a "
    "speakerphone. Bookings are made through the shared calendar. If you need it for more than "
    "four hours, email the facilities team in advance.",
    "A false positive occurs when a test reports a condition that is not actually present, and a "
    "false negative occurs when it misses one that is. Precision and recall measure these errors "
    "from different angles. Choosing a threshold trades one kind of error against the other.",
    "The recipe calls for 250 grams of flour, two eggs, 100 millilitres of milk and a pinch of "
    "salt. Whisk the eggs and milk first, then fold in the flour gradually. Let the batter rest "
    "for thirty minutes before cooking.",
    "Bad gateway errors (HTTP 502) occur when a proxy receives an invalid response from the "
    "upstream server. Common causes include the upstream process crashing or timing out. Checking "
    "the upstream logs is usually the first diagnostic step.",
    "The library opens at 9 a.m. on weekdays and 10 a.m. on Saturdays, and it is closed on "
    "Sundays. Borrowed books can be renewed online up to three times. Late returns incur a small "
    "daily fee.",
    "Mitochondria generate most of a cell's supply of ATP through cellular respiration. They have "
    "their own DNA, which is inherited maternally in most animals. The number of mitochondria per "
    "cell varies with the cell's energy needs.",
    "A function is pure if it always returns the same output for the same input and has no side "
    "effects. Pure functions can be tested in isolation. Functions that read files, write logs or "
    "depend on the current time are not pure.",
    "The quarterly report lists revenue of 4.2 million dollars, operating costs of 3.1 million "
    "and a headcount of 58. Figures are unaudited and presented in US dollars. The next report is "
    "scheduled for the end of October.",
    "To install the package, run `pip install requests` inside your virtual environment. You can "
    "confirm the installed version with `pip show requests`. If you use Poetry, the equivalent "
    "command is `poetry add requests`, which also updates the lock file.",
    "Earthquake magnitude is measured on a logarithmic scale, so each whole-number step "
    "represents roughly 32 times more energy. Intensity, by contrast, describes the shaking felt "
    "at a specific location. One earthquake has a single magnitude but many intensity values.",
    "A circuit breaker trips when current exceeds its rated limit, cutting power to protect the "
    "wiring. After finding and removing the cause, you can reset it by switching it fully off and "
    "then back on. If it trips repeatedly, an electrician should inspect the circuit.",
    "The train to Edinburgh departs from platform 4 at 10:15 and arrives at 14:40. There is one "
    "change at York. Seat reservations are optional on this route, and bicycles must be booked in "
    "advance.",
    "In statistics, a negative correlation means that as one variable increases, the other tends "
    "to decrease. The correlation coefficient ranges from -1 to 1. A value near zero indicates "
    "little linear relationship between the variables.",
    "A Docker image is a read-only template, and a container is a running instance of that image. "
    "Images are built in layers from a Dockerfile. You can list local images with `docker images` "
    "and running containers with `docker ps`.",
    "The form asks for your full name, date of birth, address and the reference number from your "
    "previous letter. Supporting documents can be uploaded as PDF or JPEG files up to 10 MB each. "
    "Applications are processed in the order they are received.",
    "Survivorship bias is the error of drawing conclusions from the cases that passed a selection "
    "process while ignoring those that did not. A classic example involves studying only the "
    "aircraft that returned from missions. The missing cases often carry the most information.",
    "Compound interest is calculated on the initial principal and on the interest accumulated in "
    "earlier periods. The formula is A = P(1 + r/n)^(nt). Increasing the compounding frequency "
    "slightly raises the final amount for the same annual rate.",
    "A cache miss happens when requested data is not found in the cache and must be fetched from "
    "slower storage. A cache hit is the reverse. The hit ratio is the share of requests served "
    "directly from the cache over a given period.",
    "The assignment is due on Friday at 5 p.m. and should be submitted as a single PDF through "
    "the course portal. It should be between 1,500 and 2,000 words, excluding references. Use APA "
    "style for citations.",
    "The failure described in the ticket occurs when two workers write to the same file at once. "
    "The second write overwrites the first, so one set of results is lost. Adding a file lock "
    "around the write section prevents the overlap.",
    "In chess, castling moves the king two squares toward a rook and places that rook on the "
    "square the king crossed. It is allowed only if neither piece has moved, the squares between "
    "them are empty, and the king is not in check or passing through an attacked square.",
    "Good Friday is the Friday before Easter Sunday in the Christian calendar. Its date varies "
    "each year because Easter is set according to the lunar cycle. Many countries, including the "
    "United Kingdom and Australia, treat it as a public holiday.",
    "Regular expressions use `^` to anchor a match at the start of a line and `$` to anchor it at "
    "the end. The pattern `\\d+` matches one or more digits. In Python, the `re` module provides "
    "`search`, `match` and `findall` for applying patterns.",
    "A positive feedback loop amplifies a change, while a negative feedback loop counteracts it. "
    "Body temperature regulation is an example of negative feedback. Blood clotting is often "
    "cited as an example of positive feedback.",
    "Your order contains three items and will ship in two separate packages. The first is "
    "expected to arrive on Tuesday and the second on Thursday. Tracking numbers will be emailed "
    "as each package leaves the warehouse.",
    "Kubernetes restarts a container when its liveness probe fails a configured number of times. "
    "A readiness probe, by contrast, controls whether the pod receives traffic. Both probes can "
    "use HTTP requests, TCP checks or commands run inside the container.",
    "The Amazon River carries more water than any other river in the world. It flows roughly "
    "6,400 kilometres from the Andes to the Atlantic Ocean. Its drainage basin covers parts of "
    "nine countries, most of it in Brazil.",
    'To export a spreadsheet as CSV, choose File, then Save As, and select "CSV (comma '
    'delimited)" from the format list. Only the active sheet is saved. Formulas are replaced by '
    "their current values in the exported file.",
    "An SSL certificate binds a public key to a domain name and is signed by a certificate "
    "authority. Browsers check the signature chain when a connection is made. Certificates have "
    "an expiry date and must be renewed before it passes.",
    "The success criteria for the project are listed in section 3 of the brief: response time "
    "under 200 milliseconds, availability of 99.9 percent, and support for ten thousand "
    "concurrent users. Each criterion has a named owner and a review date.",
    "Vaccines train the immune system by exposing it to a harmless piece or form of a pathogen. "
    "The body produces antibodies and memory cells in response. If the real pathogen appears "
    "later, the immune system can respond faster.",
    "The command `ls -la` lists all files in the current directory, including hidden ones, in "
    "long format. The columns show permissions, link count, owner, group, size, modification time "
    "and name. Hidden files are those whose names begin with a dot.",
    '"Poor man\'s copyright" refers to mailing yourself a copy of your work to establish a date. '
    "In most jurisdictions it has no special legal standing. Copyright generally arises "
    "automatically when an original work is fixed in a tangible form.",
    "The policy covers accidental damage, theft and fire, with an excess of 150 pounds per claim. "
    "Wear and tear and mechanical breakdown are excluded. Claims must be reported within 30 days "
    "of the incident.",
    "In double-entry accounting, a debit increases asset and expense accounts and decreases "
    "liability and equity accounts. A credit does the reverse. Every transaction is recorded with "
    "equal debits and credits so that the books remain balanced.",
    "The volcano last erupted in 1991 and is monitored by a network of seismometers and gas "
    "sensors. Alert levels run from 0 to 5. The current level is 1, which indicates low-level "
    "unrest.",
    "Binary search finds an item in a sorted list by repeatedly halving the search range. It "
    "compares the target with the middle element and discards the half that cannot contain it. "
    "Its time complexity is O(log n).",
    "When the build fails, the CI system marks the commit with a red cross and sends a "
    "notification to the author. The log for each step is available from the pipeline page. "
    "Re-running a job uses the same commit and configuration.",
    'The word "sanguine" can mean optimistic or, in older usage, blood-red. It comes from the '
    "Latin word for blood. In medieval medicine, a sanguine temperament was linked to an excess "
    "of blood among the four humours.",
]

# Praise and criticism, with a favourable overall verdict.
MIXED_NET_POSITIVE: list[str] = [
    "The battery life on this phone is weaker than I'd like, and it usually needs a top-up by "
    "early evening. Still, the screen is superb, the camera takes lovely photos in low light, and "
    "the software is smooth. Overall, I'd buy it again.",
    "The restaurant is a bit cramped and the wait for a table can be long. Once you're seated, "
    "though, the food is outstanding, the service is attentive, and the prices are reasonable. "
    "It's well worth the queue.",
    "Your code has a couple of small issues: two helper functions duplicate logic and one log "
    "message has a typo. Apart from that, the design is clean, the tests are thorough, and "
    "performance looks good. Approve once those nits are fixed.",
    "The hotel's Wi-Fi was unreliable and the breakfast choices were limited. However, the room "
    "was spacious and spotless, the location was perfect for sightseeing, and the staff went out "
    "of their way to help. We'd happily return.",
    "The book starts slowly, and the first fifty pages are heavy with background. Once the story "
    "gets moving, it's compelling, with sharp dialogue and a satisfying ending. I'd recommend "
    "pushing through the opening; it pays off.",
    "This laptop runs warm under load and the speakers are thin. Those are my only complaints. "
    "The keyboard is excellent, the battery lasts a full workday, and it handles my development "
    "work without breaking a sweat. I'm very happy with it.",
    "Setting up the software was more fiddly than it should be, and the installer's error "
    "messages are vague. After that, it has been rock solid and genuinely pleasant to use every "
    "day. I'd still recommend it to colleagues.",
    "The car's infotainment system is clunky and the cup holders are oddly placed. Otherwise it's "
    "a delight: comfortable on long drives, frugal with fuel, and quiet at motorway speeds. For "
    "the money, it's an easy recommendation.",
    "Shipping took nearly two weeks, which was frustrating. The jacket itself is excellent, "
    "though: warm, well stitched and genuinely waterproof in heavy rain. I've worn it almost "
    "every day since it arrived, and I'm glad I ordered it.",
    "The course assumes more prior knowledge than the description suggests, so beginners may "
    "struggle in week one. That said, the projects are practical, the feedback is detailed, and I "
    "learned a lot. Overall it was a worthwhile investment.",
    "The concert started forty minutes late and the sound in the first couple of songs was muddy. "
    "Once the engineers sorted it out, the band was phenomenal and played every song we hoped "
    "for. It was one of the best nights out I've had this year.",
    "The library lacks a few convenience helpers and its community is still small. But the core "
    "API is elegant, the performance is excellent, and the maintainers respond quickly to issues. "
    "We adopted it, and I don't regret it.",
    "The vacuum is louder than I expected and the bin is on the small side. Despite that, it "
    "picks up pet hair far better than my old one, manoeuvres easily under furniture, and the "
    "battery lasts long enough for the whole flat. It's a good buy.",
    "Your proposal's budget section needs more detail, and a timeline would help reviewers. The "
    "core idea is strong, though, the problem statement is compelling, and the method is sound. "
    "With those additions, I think it has a great chance.",
    "The app occasionally lags when syncing large folders, and dark mode has a few contrast "
    "issues. Beyond that, it's the most reliable note-taking tool I've used, and search finds "
    "things instantly. I'd recommend it to anyone who takes a lot of notes.",
    "The flight was slightly delayed and legroom in economy was tight. On the other hand, the "
    "crew were friendly, the food was surprisingly good, and our bags came out quickly after "
    "landing. A pleasant trip overall.",
    "This mattress took about a week to get used to, and it gave off a faint smell at first. Now "
    "I sleep better than I have in years and wake up without back pain. Those early drawbacks "
    "were a small price to pay.",
    "The museum's café is overpriced and the signage could be clearer. The collection, however, "
    "is magnificent, and the new gallery on early photography is fascinating. Set aside a full "
    "afternoon; it's a wonderful visit.",
    "Documentation for the API is thin in places, and I had to read the source a couple of times. "
    "Even so, the design is consistent and predictable, and once I understood it everything "
    "clicked. It's now my favourite tool for this job.",
    "The kettle's handle gets a little warm and the lid is stiff to open. Those quibbles aside, "
    "it boils water very fast, looks smart on the counter, and switches off reliably. I'm happy "
    "with the purchase and would buy it again.",
    "The gym is more expensive than others nearby, and it gets crowded after six. The equipment "
    "is modern and well maintained, the classes are excellent, and the staff are genuinely "
    "helpful. I think the extra cost is justified.",
    "The game has a few bugs, and one boss fight is frustratingly unfair. Still, the world is "
    "gorgeous, the story kept me hooked for sixty hours, and the soundtrack is unforgettable. "
    "It's easily my game of the year.",
    "Some of the chapters in your thesis draft are longer than they need to be, and the "
    "literature review repeats itself in places. The analysis is rigorous, however, and your "
    "findings are genuinely original. This is a strong draft that needs only tightening.",
    "The bike's stock saddle is uncomfortable and I replaced it within a week. Everything else "
    "about it is superb: light frame, crisp gear changes and reliable brakes. I'd recommend it to "
    "anyone getting into road cycling.",
    "The migration took longer than planned and we hit a few surprises with legacy data. In the "
    "end, the new system is faster, cheaper to run and far easier to maintain. It was the right "
    "call, and the team did well.",
    "The apartment's kitchen is small and the street can be noisy on weekends. But it's bright, "
    "well laid out and close to the station, and the landlord is responsive. For the price, it's "
    "an excellent place to live.",
    "The plugin's settings page is confusing and a couple of options are poorly labelled. Once "
    "configured, it works flawlessly and has saved our team hours each week. I'd install it again "
    "without a second thought.",
    "The camera's menu system is convoluted and the battery drains quickly in cold weather. Image "
    "quality, though, is exceptional, autofocus is fast and accurate, and the lenses are superb. "
    "I'm thrilled with the photos I'm getting.",
]

# Praise and criticism, with an unfavourable overall verdict.
MIXED_NET_NEGATIVE: list[str] = [
    "Nice design, and it looks great on my desk. Unfortunately, the speaker crackled from day one "
    "and broke completely within a week, and support never answered my emails. I eventually had "
    "to dispute the charge with my bank. I can't recommend it.",
    "The staff were friendly and the dessert menu looked tempting. Sadly, our mains arrived cold, "
    "one dish was wrong, and the bill included items we never ordered. Pleasant people can't make "
    "up for that; we won't be back.",
    "Your test coverage is good and the README is well written. However, the core algorithm is "
    "incorrect for empty inputs, the API leaks internal types, and performance regresses by a "
    "factor of three. This isn't ready to merge yet.",
    "The hotel's lobby and pool are beautiful. The rooms, though, are tired and noisy, "
    "housekeeping skipped us twice, and we were charged a resort fee that wasn't disclosed at "
    "booking. I'd stay elsewhere next time.",
    "The film's cinematography is gorgeous, and the lead actor does what she can. But the script "
    "is muddled, the pacing drags for nearly three hours, and the ending makes little sense. "
    "Overall it's a disappointing watch.",
    "The tablet has a sharp screen and feels premium in the hand. Sadly, the software is "
    "sluggish, apps crash frequently, and it stopped receiving updates after just one year. I "
    "wouldn't buy another one from this brand.",
    "The framework's tutorials are friendly and the logo is cute. In practice, though, it's slow, "
    "poorly documented beyond the basics, and every upgrade breaks something. We've spent more "
    "time fighting it than building features.",
    "Delivery was quick and the packaging was neat. The blender inside, however, leaks from the "
    "base, struggles with frozen fruit, and smells of burning after a minute of use. It's going "
    "back for a refund.",
    "The instructor is clearly knowledgeable and the slides look polished. But the course is "
    "disorganised, the assignments don't match the lectures, and grades took months to appear. I "
    "wouldn't enrol again or recommend it to a friend.",
    "The car is stylish and the seats are comfortable. Unfortunately it has spent three weeks at "
    "the dealership in its first six months, fuel economy is far below the advertised figure, and "
    "resale values are poor. I regret buying it.",
    "The gym has a nice juice bar and friendly reception staff. The equipment, though, is often "
    "broken, the changing rooms are filthy, and classes are overbooked. It isn't worth the "
    "monthly fee, and I've already cancelled.",
    "The app's icon and colour scheme are attractive. Beyond the looks, it drains the battery, "
    "shows intrusive ads every few minutes, and lost my data during the last update. I've "
    "uninstalled it and gone back to paper.",
    "The apartment has a lovely view and a decent amount of natural light. But the heating barely "
    "works, there's damp in the bedroom, and the landlord ignores repair requests. I wouldn't "
    "renew the lease.",
    "Your essay has a catchy opening and a few vivid examples. The argument, however, is unclear, "
    "the evidence is thin, and several claims are factually wrong. As it stands, it would not "
    "meet the assignment's requirements.",
    "The headphones are comfortable and come with a nice carrying case. Sound quality, though, is "
    "muddy, the Bluetooth connection drops constantly, and the noise cancelling is barely "
    "noticeable. For this price, they're a poor choice.",
    "The conference venue was beautiful and the coffee was excellent. But most of the talks were "
    "thinly disguised sales pitches, sessions overran, and the networking event was cancelled at "
    "the last minute. It wasn't worth the ticket or the travel.",
    "The library has a clever API and a promising roadmap. In its current state, though, it's "
    "riddled with bugs, releases are infrequent, and maintainers rarely respond to issues. I "
    "wouldn't use it in production.",
    "The printer's setup wizard is easy to follow. After that, everything goes downhill: it jams "
    "weekly, ink cartridges empty alarmingly fast, and the mobile app rarely finds the device. "
    "I'd choose another model.",
    "The packaging and unboxing experience were elegant. The watch itself, though, loses several "
    "minutes a week, the strap clasp came loose on day two, and the warranty claim was rejected "
    "on a technicality. Very disappointing.",
    "The waiter was charming and the wine list was extensive. Unfortunately, the food was bland, "
    "portions were tiny, and the final bill was eye-wateringly high for what we got. I wouldn't "
    "return.",
    "The plan's first draft has some sensible ideas about onboarding. But the costs are "
    "underestimated, the timeline ignores our hiring freeze, and key risks are missing entirely. "
    "I don't think we should approve it in its current form.",
    "The novel has a clever premise and some beautiful descriptive passages. Sadly, the "
    "characters are paper-thin, the plot is predictable, and the last hundred pages feel rushed. "
    "I finished it out of obligation rather than enjoyment.",
    "The tent is lightweight and packs down small. On our first trip, though, the zip broke, a "
    "seam leaked during moderate rain, and one pole bent in a breeze. I can't trust it for "
    "another trip.",
    "The phone plan's headline price is attractive. The fine print, however, includes a data cap "
    "that throttles speeds to a crawl, hidden roaming fees and a steep cancellation charge. It "
    "ended up costing far more than my old plan.",
    "Your slides look professional and the opening story was engaging. The talk itself ran "
    "fifteen minutes over, skipped the key results, and left the audience confused about the main "
    "point. It needs significant rework before the next presentation.",
    "The coffee shop has a cosy atmosphere and nice music. However, the coffee is burnt, the "
    "pastries are stale, and service is painfully slow even when it's quiet. There are far better "
    "places nearby.",
    "The robot vacuum's app is well designed and scheduling is easy. In reality, it gets stuck "
    "under furniture daily, misses whole sections of the room and tangles on every rug fringe. It "
    "creates more work than it saves.",
    "The moving company's quote was competitive and the booking was easy. On the day, the crew "
    "arrived four hours late, broke a mirror and a table leg, and then disputed our damage claim. "
    "I would not use them again.",
]

# Favourable stance expressed mostly through negation.
NEGATED_POSITIVE: list[str] = [
    "Honestly, the hotel was not bad at all. The room wasn't huge, but I never felt cramped, and "
    "I can't remember the last time I slept so well. There wasn't a single thing I'd complain "
    "about. I wouldn't hesitate to book it again.",
    "I was never once disappointed with this blender. It hasn't failed a single time in two "
    "years, it doesn't leak, and it isn't hard to clean. I can't think of a reason not to "
    "recommend it.",
    "Your patch isn't perfect, but it's not far off either. I didn't find any real bugs, the "
    "tests don't miss anything important, and nothing in the design worries me. I don't see why "
    "we shouldn't merge it today.",
    "I can't say I've ever had a bad meal at this place. The service is never rushed, the "
    "portions are not stingy, and the prices don't sting. It's no wonder it's always busy on "
    "weekends.",
    "The sequel is not the letdown I feared. It doesn't rehash the first film, the jokes never "
    "feel forced, and I wasn't bored for a minute. I couldn't have asked for much more.",
    "The laptop has never given me a moment of trouble. It doesn't overheat, the battery doesn't "
    "fade by lunchtime, and the keyboard isn't mushy like my last one. I wouldn't trade it for "
    "anything else in this price range.",
    "I wouldn't call the course easy, but it's not unfair either. Nothing in the exams came out "
    "of nowhere, the tutors never left questions unanswered, and I didn't regret a single hour I "
    "spent on it. It's hard not to recommend it.",
    "The new version doesn't crash anymore, and it no longer eats memory the way the old one did. "
    "I haven't had to restart it once this week. I can't find anything to complain about, which "
    "is a first for this tool.",
    "The book isn't short, but it never drags. I didn't want to put it down, and not one "
    "character felt like filler. It's not often that a novel surprises me this much, and I won't "
    "forget it soon.",
    "There's nothing not to like about this jacket. It doesn't let in rain, it isn't bulky, and "
    "it doesn't look out of place at the office. I have no regrets about the price whatsoever.",
    "I didn't expect much from a budget airline, and I wasn't let down. The seats weren't "
    "uncomfortable, the flight didn't leave late, and nobody tried to charge me for things I "
    "hadn't asked for. No complaints at all.",
    "The support team never made me feel like a nuisance. They didn't pass me around between "
    "departments, didn't ask me to repeat myself, and the problem hasn't come back since. I "
    "couldn't be happier with how it was handled.",
]

# Unfavourable stance expressed mostly through negation.
NEGATED_NEGATIVE: list[str] = [
    "I wouldn't call this phone good by any stretch. The battery doesn't last a day, the camera "
    "isn't sharp even in daylight, and the software never feels responsive. I can't recommend it "
    "to anyone.",
    "The restaurant was not worth the hype. The food wasn't hot when it arrived, nobody checked "
    "on us once, and the dessert we ordered never showed up. I won't be going back.",
    "This library is not ready for production use. It doesn't handle errors gracefully, the docs "
    "don't match the actual API, and releases never seem to fix the reported bugs. I wouldn't "
    "build anything serious on it.",
    "I can't say I enjoyed the film. The plot didn't make much sense, none of the characters were "
    "likeable, and the ending wasn't satisfying in the slightest. It's not something I'd watch "
    "again.",
    "The hotel room wasn't clean when we arrived, and the staff didn't seem to care. The Wi-Fi "
    "never worked properly and the promised breakfast wasn't included after all. It was not a "
    "pleasant stay.",
    "Your draft doesn't answer the question that was asked. The evidence isn't relevant to the "
    "main claim, and the conclusion doesn't follow from the analysis. I don't think it's ready to "
    "submit.",
    "The mattress isn't comfortable, no matter how long I give it. I haven't had a good night's "
    "sleep since it arrived, and the company won't accept a return. I wouldn't wish it on anyone.",
    "The update did not fix anything it promised to. Sync still isn't reliable, the app doesn't "
    "remember my settings, and search no longer finds older files. It's not an improvement in any "
    "sense.",
    "The tour guide never seemed to know where we were going. He didn't answer questions, didn't "
    "keep to the schedule and wasn't able to get us into two of the listed sites. Not money well "
    "spent.",
    "The headphones are not what I'd call comfortable. They don't stay in place when I walk, the "
    "case doesn't close properly, and the sound isn't any better than the free earbuds that came "
    "with my phone. I'm not impressed.",
    "I've never been so unimpressed by a customer service team. No one followed up, my ticket "
    "wasn't escalated, and three weeks later the issue still isn't resolved. I won't renew my "
    "subscription.",
    "The printer doesn't print cleanly, doesn't scan reliably and won't stay connected to the "
    "network for more than a day at a time. It isn't a tool so much as a hobby. I wouldn't buy "
    "this brand again.",
]

# Negations in purely factual statements; no stance.
NEGATED_NEUTRAL: list[str] = [
    "The function doesn't modify its input; it returns a new list instead. It also doesn't raise "
    "an error on empty input, and it never reorders elements that compare equal. Callers don't "
    "need to copy the list beforehand.",
    "The museum is not open on Mondays, and tickets are not sold at the door on public holidays. "
    "Visitors under twelve don't need a ticket. Bags larger than a small backpack aren't allowed "
    "in the galleries.",
    "Whales are not fish; they are mammals that breathe air and nurse their young. They don't "
    "have gills, and their tails move up and down rather than side to side. Sharks, by contrast, "
    "are fish and don't need to surface to breathe.",
    "The setting isn't enabled by default, and it doesn't take effect until the service restarts. "
    "If you don't see the option in the menu, your account may not have administrator rights. No "
    "data is deleted when you turn it off.",
    "A leap year doesn't occur every four years without exception. Years divisible by 100 are not "
    "leap years unless they are also divisible by 400. That's why 1900 was not a leap year but "
    "2000 was.",
    "The form cannot be submitted if the postcode field isn't filled in. You don't need to "
    "include spaces, and lowercase letters are not a problem. Applications without a signature "
    "won't be processed.",
]

# Several sentences of praise; the last sentence gives a negative verdict.
LONG_POSITIVE_ENDING_NEGATIVE: list[str] = [
    "The laptop is beautifully built, the screen is bright and sharp, and the keyboard is one of "
    "the best I've typed on. The speakers are surprisingly full, and it boots in seconds. "
    "However, at nearly twice the price of its competitors, overall it is not worth the money.",
    "The hotel's rooftop bar has stunning views, the rooms are stylish, and the staff were "
    "unfailingly polite. The breakfast spread was generous too. But after our wallet was stolen "
    "from the room and management refused to investigate, I cannot recommend staying there.",
    "The app looks polished, the onboarding is smooth, and the animations are delightful. The "
    "feature list is impressive on paper. In the end, though, it crashes so often that I've given "
    "up using it altogether.",
    "The restaurant's decor is charming, the wine list is thoughtful, and our server was "
    "attentive and knowledgeable. Starters were genuinely tasty. Unfortunately, both of us got "
    "food poisoning from the main course, so we will never go back.",
    "Your documentation is clear, the code style is consistent, and I appreciate the thorough "
    "commit history. The tests are well organised too. That said, the change breaks backward "
    "compatibility for every existing user, so I have to reject this pull request.",
    "The car is fun to drive, handles corners with confidence and has a wonderful sound system. "
    "The seats are supportive on long trips. Yet after three major breakdowns in its first year, "
    "I'd tell anyone considering it to look elsewhere.",
    "The course has an excellent syllabus, engaging guest speakers and a friendly online "
    "community. The certificate looks nice on a CV. Still, the final project was graded by an "
    "automated system that rejected correct answers, and I came away feeling it was a waste of "
    "time and money.",
    "The watch is lightweight, the display is crisp, and the fitness tracking covers every sport "
    "I do. Notifications are easy to manage. But it died two days after the warranty ended and "
    "the company wouldn't help, so my verdict is firmly negative.",
    "The novel opens brilliantly, with a tense first chapter and a narrator full of personality. "
    "The middle section has some lovely writing about the sea. Sadly, the ending is so abrupt and "
    "nonsensical that it spoils everything that came before.",
    "The phone's camera is excellent, charging is quick, and the design turns heads. The screen "
    "is vivid and smooth. Overall, though, constant software bugs and a lack of security updates "
    "make it a purchase I regret.",
    "The venue was beautiful, the catering was delicious, and the band kept everyone dancing. The "
    "planner's ideas were creative. Even so, she double-booked our date and we had to move the "
    "wedding at two weeks' notice, so I could never recommend her.",
    "The framework has a lively community, slick marketing and a clever reactive model. Small "
    "demos come together quickly. For a real application, however, its performance problems and "
    "frequent breaking changes make it the wrong choice.",
    "The bike looks fantastic, shifts smoothly and is pleasantly light to carry upstairs. The "
    "paint finish is flawless. But the frame cracked after four months of ordinary commuting, and "
    "I wouldn't trust the brand again.",
    "The coffee machine is elegant, heats up fast, and the milk frother produces lovely foam. "
    "It's easy to fill and clean. Overall, though, the coffee it makes is consistently bitter and "
    "weak, which defeats the whole point of owning it.",
    "The office is bright, the location is convenient, and the kitchen is well stocked. The desks "
    "and chairs are good quality. However, the rent increase we were just given makes the space "
    "unaffordable, and we will not be renewing.",
    "The game's art direction is gorgeous, the music is memorable, and the first few hours are "
    "genuinely exciting. The controls feel tight. Sadly, aggressive microtransactions ruin the "
    "later stages, and I can't recommend it.",
    "Your pitch deck is visually stunning, the story is engaging, and the team slide is "
    "impressive. The market sizing looks thorough. Nevertheless, the unit economics don't work, "
    "and I'd advise against investing at this stage.",
    "The tent is roomy, the colours are cheerful, and setup is intuitive enough for a "
    "first-timer. The carry bag is well made. But it leaked badly in the first real rainstorm, so "
    "it's simply not fit for purpose.",
    "The headphones are beautifully designed, with plush ear pads and a premium metal headband. "
    "The case is compact and the app is tidy. Unfortunately, the sound is harsh at any volume "
    "above a whisper, which makes them a poor buy overall.",
    "The airline's lounge was luxurious, the cabin crew were charming, and the seats were "
    "comfortable. The meals were surprisingly good. However, losing our luggage for a week and "
    "then refusing compensation made it the worst trip we've had.",
    "The contractor was friendly, tidy and always on time, and he communicated clearly "
    "throughout. His initial estimate was competitive. In the end, though, the final bill was "
    "double the quote and the work failed inspection, so I would not hire him again.",
    "The database offers a friendly query language, quick setup and attractive dashboards. Early "
    "benchmarks looked promising. But after it silently corrupted data in production, we "
    "concluded it is not trustworthy for our needs.",
    "The neighbourhood has lovely parks, good schools and a weekly farmers' market. The houses "
    "have plenty of character. All things considered, though, the long commute and lack of public "
    "transport make it a bad fit for us.",
    "The museum building is architecturally stunning, the café is lovely, and the gift shop is "
    "well curated. The guided tours are informative. Overall, however, the permanent collection "
    "is so small that it isn't worth the high entry fee.",
    "The smart speaker looks elegant, responds quickly and has a rich, full sound for its size. "
    "Pairing with my phone was instant. Ultimately, though, the privacy concerns around its "
    "always-on microphone were serious enough that I returned it.",
    "The tutorial is well paced, friendly in tone and nicely illustrated with diagrams. The "
    "exercises are fun. However, it teaches an approach that was deprecated years ago, so "
    "following it today will leave you with broken code.",
]

# Several sentences of criticism; the last sentence gives a positive verdict.
LONG_NEGATIVE_ENDING_POSITIVE: list[str] = [
    "The phone's battery is mediocre, the speakers are tinny, and the charger isn't included in "
    "the box. The design is a little plain too. Even so, the camera and screen are so good that "
    "I'd buy it again without hesitation.",
    "The hotel is a bit dated, the lifts are slow, and the car park is expensive. Breakfast is "
    "fairly basic. But the staff were so kind and the location so convenient that it's still my "
    "favourite place to stay in the city.",
    "Your first draft had a loose structure, some awkward sentences and a few formatting "
    "mistakes. The references were incomplete. After this revision, though, the essay reads "
    "beautifully and I think it's your best work yet.",
    "The queue was long, the seating was cramped, and the menu is limited to about six dishes. "
    "Parking nearby is a nightmare. Nonetheless, the ramen is the best I've had outside Japan, "
    "and I'll keep going back.",
    "The software has a steep learning curve, a dated interface and a manual that reads like a "
    "legal document. The first week was painful. Once it clicked, however, it became the most "
    "valuable tool in my workflow.",
    "The car isn't fast, the interior plastics feel cheap, and the radio is basic. It won't turn "
    "heads. All the same, it's been utterly reliable for ten years and has cost almost nothing to "
    "run, so I'd happily buy another.",
    "The flight was delayed, the seat didn't recline, and the in-flight film selection was thin. "
    "The coffee was lukewarm. In the end, the crew's warmth and a smooth landing turned it into a "
    "genuinely pleasant journey.",
    "The library has rough edges: the error messages are terse, some functions are oddly named, "
    "and the website is sparse. Its community is small. Still, it's fast, correct and dependable, "
    "and it's the first thing I reach for now.",
    "The gym is small, the showers are basic, and it closes earlier than most. There's no pool. "
    "But the trainers are superb and the community is so welcoming that I wouldn't switch for "
    "anything.",
    "The book is long, the opening chapters are dense, and there are far too many characters to "
    "keep track of at first. Some passages are hard going. By the end, though, it had become one "
    "of the most rewarding reads of my life.",
    "The apartment is small, the building has no lift, and the neighbours' dog barks in the "
    "morning. Storage is limited. Overall, though, the light, the views and the fair rent make it "
    "a wonderful home.",
    "The pull request touches too many files, the commit history is messy, and two tests were "
    "flaky on the first run. Naming could be tighter. Having reviewed it carefully, though, the "
    "logic is sound and this is a clear improvement, so I'm approving it.",
    "The camera's body feels plasticky, the grip is small for big hands, and the menus are "
    "confusing. The battery could last longer. But the images it produces are simply stunning, "
    "and I'm delighted with it.",
    "The festival ran late, the toilets were grim, and food prices were absurd. It rained on the "
    "second day. Despite all that, the music was incredible and it was the best weekend I've had "
    "in years.",
    "The first month at the new job was stressful, the tools were unfamiliar, and the onboarding "
    "documentation was patchy. I made a few mistakes. Looking back, though, it was the best "
    "career move I've ever made.",
    "The headphones lack a wired option, the app is clunky, and the case is bulky. The touch "
    "controls are fiddly. For sound quality and comfort, however, they're the best I've owned, "
    "and I'd recommend them.",
    "The trail was muddy, the signage was poor, and we got lost twice on the way up. Our legs "
    "ached for days. Standing at the summit at sunrise, though, made every step worthwhile, and "
    "we'd do it again tomorrow.",
    "The tool's installation is fiddly, its configuration format is verbose, and error messages "
    "could be friendlier. The logo is dated too. Despite those gripes, it saved our team weeks of "
    "work, and I'd recommend it to anyone.",
    "The bakery is hard to find, has nowhere to sit and sells out by eleven. The staff are "
    "brusque. But the croissants are extraordinary, and it's absolutely worth setting an early "
    "alarm for them.",
    "The sofa took six weeks to arrive, the delivery window was vague, and one cushion had a "
    "small stain. Assembly required two people. Now that it's in place, we love it, and it's by "
    "far the most comfortable seat in the house.",
    "The course's videos are low budget, the forum is quiet, and the certificate carries little "
    "weight. The schedule was inflexible. However, the material is so well explained that I "
    "learned more here than in any paid course, and I'd recommend it.",
    "The game's tutorial is confusing, the early missions are repetitive, and the menus are "
    "cluttered. Loading times are long. Give it a few hours, though, and it opens into a rich, "
    "deeply satisfying adventure that I can't stop playing.",
    "The renovation ran over schedule, the dust got everywhere, and we lived without a kitchen "
    "for a month. There were a few surprises in the walls. Now it's finished, the house feels "
    "completely transformed, and we're thrilled with the result.",
    "The interface of the budgeting app is plain, sync occasionally lags, and there's no desktop "
    "version. Categories take time to set up. Even so, it has finally got my spending under "
    "control, and I'm grateful I stuck with it.",
    "The garden centre is out of town, the car park is gravel, and the prices are slightly higher "
    "than supermarkets. The café is tiny. All told, though, the plants are healthier and the "
    "advice is so good that it's the only place I'll shop.",
    "The translation has a few clunky phrases, some footnotes are missing, and the cover is "
    "bland. The paper quality is modest. Even with those flaws, it's the most faithful and "
    "readable edition available, and I recommend it wholeheartedly.",
]

# A polite apology followed by helpful, non-evaluative content.
APOLOGY_NEUTRAL: list[str] = [
    "I'm sorry for the confusion in my previous answer. The correct command is `git reset --soft "
    "HEAD~1`, which undoes the last commit but keeps your changes staged. If you want the changes "
    "unstaged as well, use `--mixed` instead.",
    "Apologies, I misread your question. You asked about converting kilometres to miles, not "
    "miles to kilometres. Divide the distance in kilometres by 1.609 to get miles, so 10 km is "
    "roughly 6.2 miles.",
    "Sorry about that mistake. The capital of Australia is Canberra, not Sydney. Canberra was "
    "chosen as a compromise between Sydney and Melbourne, and Parliament first sat there in 1927. "
    "It lies within the Australian Capital Territory.",
    "I apologise for the delay in getting back to you. Your order was shipped this morning and "
    "the tracking number is in the confirmation email. Delivery usually takes three to five "
    "working days.",
    "Sorry, I should have mentioned this earlier: the function expects a list of strings, not a "
    'single string. Wrap your input in square brackets, like `process(["file.txt"])`, and it '
    "will iterate over the items correctly.",
    "My apologies, the link I gave you earlier points to an older version of the documentation. "
    'The current guide is under the "Getting started" section of the project website. The '
    "installation steps are the same, but the configuration file is now YAML.",
    "I'm sorry, I can't access your account details directly. To check your balance, log in to "
    'the portal and open the "Billing" tab. The page shows your current balance, recent '
    "payments and the next due date.",
    "Sorry for the mix-up. The meeting is on Thursday at 3 p.m., not Wednesday. It will be held "
    "in room 2B, and the agenda has been shared in the team folder along with last week's "
    "minutes.",
    "Apologies for the error in the formula. The area of a circle is πr², not 2πr, which is the "
    "circumference. For a radius of 3 cm, the area is about 28.3 square centimetres.",
    "I'm sorry, I wasn't clear. When I said to restart the service, I meant running `sudo "
    "systemctl restart nginx`. After it restarts, check the status with `systemctl status nginx` "
    "to confirm it's active.",
    'Sorry, that example had a typo. The dictionary key should be "user_id", not "userid". '
    'Here is the corrected line: `record["user_id"] = 42`. The rest of the snippet works as '
    "written.",
    "I apologise, I gave you the wrong date. In the UK, the deadline for online Self Assessment "
    "tax returns is 31 January. Paper returns must be submitted by 31 October, three months "
    "earlier.",
    "Sorry for overlooking that detail. Since you're on Windows, activate the environment with "
    "`venv\\Scripts\\activate` instead of `source venv/bin/activate`. In PowerShell, run "
    "`venv\\Scripts\\Activate.ps1` instead. The remaining steps are identical on all platforms.",
    "My apologies for the incomplete list. In addition to the three items I mentioned, you'll "
    "need a valid photo ID and a proof of address dated within the last three months. Bring "
    "originals rather than photocopies.",
    "I'm sorry, but I'm not able to provide medical diagnoses. Headaches can have many causes, "
    "including dehydration, tension and lack of sleep. If they are frequent or severe, a doctor "
    "can assess them properly.",
    'Apologies for the confusing wording. "Deprecated" means the feature still works but is '
    "scheduled for removal in a future version. The release notes list the replacement for each "
    "deprecated function.",
    "Sorry, I mixed up the two settings. `max_connections` limits the number of simultaneous "
    "clients, while `timeout` controls how long an idle connection stays open. Both are in the "
    "`[server]` section of the config file.",
    "I'm sorry to hear your parcel hasn't arrived. Parcels are usually held at the local depot "
    "after two failed delivery attempts. You can arrange redelivery or collection online using "
    "the reference on the card left at your door.",
    "My apologies, I used the wrong unit earlier. The recommended tyre pressure for your model is "
    "2.3 bar, which is roughly 33 psi. Check the pressure when the tyres are cold for an accurate "
    "reading.",
    "Sorry about the formatting in my last message. Here are the steps again: first, open "
    "Settings; second, choose Privacy; third, toggle off location history. The change applies to "
    "all devices signed in to the account.",
    "I apologise for the misunderstanding. The refund will go back to the original payment method "
    "rather than as store credit. Banks typically take five to ten business days to show it on "
    "your statement.",
    "Sorry, I overlooked the version you're using. In Python 3.8, the `|` operator for merging "
    "dictionaries isn't available; use `{**a, **b}` instead. The operator was introduced in "
    "Python 3.9, together with the in-place form `|=`.",
    "I'm sorry for the inconvenience. The system will be down for maintenance on Saturday from 2 "
    "a.m. to 6 a.m. UTC. Scheduled jobs during that window will run automatically once the "
    "service is back online.",
    "Apologies, my earlier explanation skipped a step. After adding the remote with `git remote "
    "add origin <url>`, you need to push with `git push -u origin main` to set the upstream "
    "branch. Later pushes can then use just `git push`.",
    "Sorry, I can't open attachments in this chat. If you paste the error message as text, I can "
    "look at it. Include the full traceback, since the first and last lines usually contain the "
    "most useful information.",
    "My apologies for the earlier error about the opening hours. The pharmacy is open from 8 a.m. "
    "to 8 p.m. on weekdays and from 9 a.m. to 5 p.m. on Saturdays. It is closed on Sundays and "
    "bank holidays.",
    'I\'m sorry, I confused two similar words. "Affect" is usually a verb meaning to influence '
    'something, while "effect" is usually a noun meaning a result. For example, the weather can '
    "affect your mood, and the effect may last all day.",
]

# An apology followed by a clearly favourable evaluation.
APOLOGY_POSITIVE: list[str] = [
    "Apologies for missing that in my first answer. Having now looked at your revised code "
    "properly, it's excellent: the logic is clean, the naming is clear, and the tests are "
    "thorough. I'd be glad to see it merged as it stands.",
    "I'm sorry I doubted the approach you suggested earlier. Having checked the benchmark "
    "results, your solution is genuinely elegant: it's twice as fast, uses less memory and the "
    "code is easier to read. It's a great improvement.",
]

# An apology followed by a clearly unfavourable evaluation.
APOLOGY_NEGATIVE: list[str] = [
    "I'm sorry to be the bearer of bad news, but I'd advise against this laptop. Reviewers "
    "consistently report overheating, failing hinges and poor customer support, and it's "
    "overpriced for its specifications. There are much better options at this price.",
]

# Mild sarcasm: literally positive words that a human reads as a complaint.
SARCASM_LIGHT: list[str] = [
    "Great, another update that deletes all my settings. I just love spending my morning "
    "reconfiguring every shortcut from scratch. Truly, what would I do without these thoughtful "
    "improvements? I can't wait for next week's version.",
    "Oh, wonderful, the train is delayed again. Forty minutes on a freezing platform is exactly "
    "how I wanted to start my day. At least the announcements are consistent: they apologise for "
    "the inconvenience every five minutes.",
    'Fantastic, the "quick five-minute install" has now taken three hours. I\'ve learned so much '
    "about dependency conflicts today, and I'm sure I'll treasure the experience. Really, a "
    "masterpiece of developer experience.",
    'Lovely, the hotel\'s "ocean view" turned out to be a car park with a sliver of grey water '
    "between two buildings. I'm sure the photographer had a very long lens. Worth every cent of "
    "the premium, obviously.",
    "Oh good, the customer service bot has asked me to restart my router for the fourth time. "
    "Clearly that was going to fix a billing error eventually. I feel so heard, and so valued as "
    "a customer.",
    "Brilliant, the printer has decided to jam right before my deadline, as it always does. Its "
    "sense of timing is truly remarkable. I'm thinking of nominating it for employee of the "
    "month.",
    "What a treat: a meeting that could have been an email, stretched over two hours. I "
    "especially enjoyed hearing the same slide explained three times. Can't wait for the "
    "follow-up meeting to discuss this meeting.",
    'Perfect, the "unlimited" data plan throttles me to dial-up speeds after five gigabytes. I '
    'suppose "unlimited" means something different in marketing. Such generosity from my '
    "provider. I'm sure next month's bill will be just as charming.",
    "Wow, the delivery arrived only three days late and just slightly crushed. The box of glasses "
    "now makes a lovely rattling sound when I shake it. Five stars for creativity in packaging, I "
    "suppose.",
    "Oh sure, the new office layout is great, if you enjoy hearing six phone calls at once while "
    "trying to concentrate. Open-plan really brings us together, mostly in our shared headaches.",
    "Amazing, the app now needs my location, contacts and microphone just to show me a weather "
    "forecast. I'm sure that's purely for my convenience. Nothing suspicious about that at all.",
    'Terrific, the restaurant\'s "artisanal" burger came out as a grey patty on a cold bun for '
    "twenty-two dollars. I guess the artisan was on a break. My wallet and my stomach are both "
    "thrilled.",
    "Another week, another framework that promises to fix everything we hated about the last one. "
    "I'm sure this one will last longer than six months. My CV can always use another obsolete "
    "buzzword.",
    'Oh, fantastic, the self-checkout needed staff assistance for every single item. "Unexpected '
    'item in the bagging area," apparently my own shopping. So much faster than a regular till. '
    "I'm sure the six people queueing behind me enjoyed it too.",
    "Great job on the deployment, everyone. Taking the site down for three hours on launch day "
    "was a bold way to generate buzz. The support inbox has never been so lively.",
    "How delightful, the airline charged me forty dollars to sit next to my own child. I can only "
    "admire the ingenuity of their fee schedule. Next I expect a surcharge for breathing the "
    "cabin air.",
    'Sure, the laptop\'s battery lasts "all day", as long as your day is about two hours long '
    "and spent with the screen dimmed. Marketing departments really are gifted writers of "
    "fiction.",
    "Oh joy, the password rules changed again: now it must be sixteen characters, include a "
    "hieroglyph and differ from my last fifty passwords. I feel so much more secure writing it on "
    "a sticky note.",
    'Well, that went splendidly. The "stable" release crashed on startup for half of our users, '
    "and the rollback script turned out to be untested. What a fun way to spend a Friday evening.",
    "What an incredible loyalty reward: after ten years as a subscriber, my price went up while "
    "new customers get half off. Thanks for valuing me so much. I feel truly appreciated.",
    'Nice to see the "smart" thermostat has decided that 3 a.m. is the perfect time to heat the '
    "house to tropical levels. Who needs sleep when you have innovation? It's certainly smarter "
    "than me.",
    'Oh wonderful, the documentation\'s only example is "Hello, world" and everything else is '
    "left as an exercise for the reader. Really helpful when you need to configure "
    "authentication. I'll just guess, shall I?",
    "Marvellous, the roadworks outside my window start at six every morning, right on time, "
    "unlike anything else in this city. I've never been so well rested. The jackhammer makes a "
    "charming alarm clock.",
    'Love how the "quick survey" was forty-five questions long and crashed on the last page. '
    "I'm sure my feedback was very valuable to them. I'll definitely take the next one.",
    "Yes, because what this spreadsheet really needed was seventeen merged cells and three "
    "colours of bold text. Sorting it is now impossible, which I'm sure was the goal. A true work "
    "of art.",
    'Oh, splendid, the gym\'s "renovation" removed half the squat racks and added a smoothie '
    "bar. Clearly our priorities are in order. I'll just do my deadlifts with a kale shake, then.",
    "Thrilling news: the sequel changes everything fans loved about the original and adds a "
    "tacked-on romance. I can hardly contain my excitement. I really can't wait for the third "
    "instalment.",
]

# (kind, sentiment, texts); ids are built from kind, sentiment and position.
_GROUPS: list[tuple[str, str, list[str]]] = [
    ("plain_positive", "positive", PLAIN_POSITIVE),
    ("plain_negative", "negative", PLAIN_NEGATIVE),
    ("neutral_factual", "neutral", NEUTRAL_FACTUAL),
    ("mixed_net_positive", "positive", MIXED_NET_POSITIVE),
    ("mixed_net_negative", "negative", MIXED_NET_NEGATIVE),
    ("negated", "positive", NEGATED_POSITIVE),
    ("negated", "negative", NEGATED_NEGATIVE),
    ("negated", "neutral", NEGATED_NEUTRAL),
    ("long_positive_ending_negative", "negative", LONG_POSITIVE_ENDING_NEGATIVE),
    ("long_negative_ending_positive", "positive", LONG_NEGATIVE_ENDING_POSITIVE),
    ("apology_then_help", "neutral", APOLOGY_NEUTRAL),
    ("apology_then_help", "positive", APOLOGY_POSITIVE),
    ("apology_then_help", "negative", APOLOGY_NEGATIVE),
    ("sarcasm_light", "negative", SARCASM_LIGHT),
]


def items() -> list[dict]:
    """Return all labelled items as dicts with keys id, output, sentiment and kind."""
    return [
        {
            "id": f"{kind}-{sentiment}-{index:02d}",
            "output": text,
            "sentiment": sentiment,
            "kind": kind,
        }
        for kind, sentiment, texts in _GROUPS
        for index, text in enumerate(texts, start=1)
    ]
