// qf-peer: a FIX 4.4 initiator built on QuickFIX C++ (Debian's libquickfix-dev), the counterparty
// TradeFlow's acceptor is tested and measured against. We did not write that FIX engine, so its
// session-layer behaviour (logon, heartbeats, resend, gap fill, logout) is an independent witness.
//
//   qf-peer script CONFIG
//       Reads commands from stdin, one per line, and writes what happens to stdout, one line per event
//       (SOH shown as '|'), flushed at once so a test can await each line:
//         send MSGTYPE TAG=VALUE|TAG=VALUE|...   body fields, groups in wire order (parsed with the
//                                                session's DataDictionary)
//         skip-sent N         the next message goes out N sequence numbers too high (a gap the peer must
//                             recover from with a ResendRequest)
//         forget-received N   pretend the last N messages received were lost (we ask for them again)
//         logout | logon | quit
//       Events: READY, CREATE, LOGON, LOGOUT, IN <msg>, ADMIN_IN <msg>, OUT <msg>, ADMIN_OUT <msg>,
//       SEQ sender=N target=N, ERROR <text>.
//
//   qf-peer load CONFIG RATE COUNT
//       Offers COUNT NewOrderSingles per session at RATE per second per session (one sender thread per
//       session, orders copied from pre-parsed templates), and measures the time from each send to its final
//       ExecutionReport (OrdStatus 2 filled or 8 rejected). Prints one JSON line: sessions, sent, answered,
//       seconds, per-second throughput and latency percentiles in µs.
#include "quickfix/Application.h"
#include "quickfix/FileStore.h"
#include "quickfix/Log.h"
#include "quickfix/MessageStore.h"
#include "quickfix/Session.h"
#include "quickfix/SessionSettings.h"
#include "quickfix/SocketInitiator.h"
#include "quickfix/ThreadedSocketInitiator.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace
{
std::mutex outputLock;

void emit( const std::string& line )
{
  std::lock_guard<std::mutex> guard( outputLock );
  std::cout << line << std::endl;
}

std::string readable( const FIX::Message& message )
{
  std::string text = message.toString();
  std::replace( text.begin(), text.end(), '\x01', '|' );
  return text;
}

// Echoes every message and session event, for scripted conversations.
class ScriptApplication : public FIX::Application
{
public:
  void onCreate( const FIX::SessionID& ) override { emit( "CREATE" ); }
  void onLogon( const FIX::SessionID& ) override { emit( "LOGON" ); }
  void onLogout( const FIX::SessionID& ) override { emit( "LOGOUT" ); }
  void toAdmin( FIX::Message& message, const FIX::SessionID& ) override { emit( "ADMIN_OUT " + readable( message ) ); }
  void toApp( FIX::Message& message, const FIX::SessionID& ) throw( FIX::DoNotSend ) override
  { emit( "OUT " + readable( message ) ); }
  void fromAdmin( const FIX::Message& message, const FIX::SessionID& )
    throw( FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon ) override
  { emit( "ADMIN_IN " + readable( message ) ); }
  void fromApp( const FIX::Message& message, const FIX::SessionID& )
    throw( FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::UnsupportedMessageType ) override
  { emit( "IN " + readable( message ) ); }
};

using Clock = std::chrono::steady_clock;

// Times each NewOrderSingle from send to its final ExecutionReport, for load runs.
class LoadApplication : public FIX::Application
{
public:
  std::atomic<int> loggedOn { 0 };
  std::atomic<long> answered { 0 };
  std::atomic<long> rejected { 0 };
  std::mutex lock;
  std::unordered_map<std::string, Clock::time_point> pending;
  std::vector<double> latenciesMicros;
  // The same orders timed from when the session really sends them (toApp) rather than from when the sender thread
  // asked to: the difference is the load generator's own wait for its session's lock, which its reader holds while it
  // processes answers — long after a burst of answers (one group commit's), nothing after a lone one.
  std::unordered_map<std::string, Clock::time_point> onWire;
  std::vector<double> wireLatenciesMicros;

  void onCreate( const FIX::SessionID& ) override {}
  void onLogon( const FIX::SessionID& ) override { ++loggedOn; }
  void onLogout( const FIX::SessionID& ) override {}
  void toAdmin( FIX::Message&, const FIX::SessionID& ) override {}
  void toApp( FIX::Message& message, const FIX::SessionID& ) throw( FIX::DoNotSend ) override
  {
    // Called by Session::send under the session's lock, just before the bytes are written to the socket.
    if ( message.getHeader().getField( FIX::FIELD::MsgType ) != "D" ) return;
    const auto now = Clock::now();
    const std::string clOrdId = message.getField( FIX::FIELD::ClOrdID );
    std::lock_guard<std::mutex> guard( lock );
    onWire[ clOrdId ] = now;
  }
  void fromAdmin( const FIX::Message&, const FIX::SessionID& )
    throw( FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon ) override {}
  void fromApp( const FIX::Message& message, const FIX::SessionID& )
    throw( FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::UnsupportedMessageType ) override
  {
    FIX::MsgType msgType;
    message.getHeader().getField( msgType );
    if ( msgType.getValue() != "8" || !message.isSetField( FIX::FIELD::OrdStatus ) ) return;
    const std::string status = message.getField( FIX::FIELD::OrdStatus );
    if ( status != "2" && status != "8" ) return;
    const auto now = Clock::now();
    const std::string clOrdId = message.getField( FIX::FIELD::ClOrdID );
    std::lock_guard<std::mutex> guard( lock );
    auto sent = pending.find( clOrdId );
    if ( sent == pending.end() ) return;
    latenciesMicros.push_back( std::chrono::duration<double, std::micro>( now - sent->second ).count() );
    pending.erase( sent );
    auto wire = onWire.find( clOrdId );
    if ( wire != onWire.end() )
    {
      wireLatenciesMicros.push_back( std::chrono::duration<double, std::micro>( now - wire->second ).count() );
      onWire.erase( wire );
    }
    ++answered;
    if ( status == "8" ) ++rejected;
  }
};

// Builds a message from "TAG=VALUE|TAG=VALUE" body fields; the session fills in the header and trailer.
FIX::Message buildMessage( const std::string& msgType, const std::string& fields, const FIX::DataDictionary& dictionary )
{
  std::string raw = "8=FIX.4.4\x01" "9=0\x01" "35=" + msgType + "\x01";
  std::string body = fields;
  std::replace( body.begin(), body.end(), '|', '\x01' );
  if ( !body.empty() && body.back() != '\x01' ) body += '\x01';
  raw += body + "10=000\x01";
  FIX::Message message;
  message.setString( raw, false, &dictionary );
  return message;
}

FIX::Session& onlySession( FIX::Initiator& initiator )
{
  const std::set<FIX::SessionID> sessions = initiator.getSessions();
  return *FIX::Session::lookupSession( *sessions.begin() );
}

int runScript( const std::string& config )
{
  FIX::SessionSettings settings( config );
  ScriptApplication application;
  FIX::FileStoreFactory storeFactory( settings );
  FIX::SocketInitiator initiator( application, storeFactory, settings );
  const FIX::SessionID sessionId = *initiator.getSessions().begin();
  FIX::DataDictionary dictionary( settings.get( sessionId ).getString( "DataDictionary" ) );
  initiator.start();
  emit( "READY" );

  std::string line;
  while ( std::getline( std::cin, line ) )
  {
    std::istringstream words( line );
    std::string verb;
    words >> verb;
    try
    {
      FIX::Session& session = onlySession( initiator );
      if ( verb == "send" )
      {
        std::string msgType, fields;
        words >> msgType;
        std::getline( words >> std::ws, fields );
        FIX::Message message = buildMessage( msgType, fields, dictionary );
        if ( !FIX::Session::sendToTarget( message, sessionId ) ) emit( "ERROR not sent" );
      }
      else if ( verb == "skip-sent" )
      {
        int count = 0;
        words >> count;
        session.setNextSenderMsgSeqNum( session.getExpectedSenderNum() + count );
      }
      else if ( verb == "forget-received" )
      {
        int count = 0;
        words >> count;
        session.setNextTargetMsgSeqNum( std::max( 1, session.getExpectedTargetNum() - count ) );
      }
      else if ( verb == "seq" )
      {
        emit( "SEQ sender=" + std::to_string( session.getExpectedSenderNum() )
          + " target=" + std::to_string( session.getExpectedTargetNum() ) );
      }
      else if ( verb == "logout" ) session.logout();
      else if ( verb == "logon" ) session.logon();
      else if ( verb == "quit" ) break;
      else if ( !verb.empty() ) emit( "ERROR unknown command " + verb );
    }
    catch ( std::exception& e )
    {
      emit( std::string( "ERROR " ) + e.what() );
    }
  }
  initiator.stop();
  emit( "STOPPED" );
  return 0;
}

double percentile( std::vector<double>& sorted, double fraction )
{
  if ( sorted.empty() ) return 0;
  const size_t index = std::min( sorted.size() - 1, static_cast<size_t>( fraction * sorted.size() ) );
  return sorted[ index ];
}

// The NewOrderSingles for the demo reference data: limit orders, so QuickFIX's example executor fills them too. One
// share each, spread over the three active counterparties, so a long run stays far inside every credit limit and
// measures bookings, not limit rejections. Parsed once (with the dictionary, for the party group) per counterparty;
// each order is a copy with its own ClOrdID and TransactTime, so the sender does not parse a message per order.
std::vector<FIX::Message> orderTemplates( const FIX::DataDictionary& dictionary )
{
  static const char* const counterparties[] = { "7LTWFZYICNSX8D621K86", "784F5XWPLTWKTBV3E584", "G5GSEF7VJP5I7OUK5573" };
  std::vector<FIX::Message> templates;
  for ( const char* counterparty : counterparties )
    templates.push_back( buildMessage( "D",
      "11=TEMPLATE|1=EQ-NY|453=2|448=JSMITH|447=D|452=11|448=" + std::string( counterparty ) + "|447=N|452=17"
      "|55=AAPL|48=US0378331005|22=4|54=1|60=" + FIX::UtcTimeStampConvertor::convert( FIX::UtcTimeStamp() )
      + "|38=1|40=2|44=190.25|15=USD", dictionary ) );
  return templates;
}

// One session's paced, open-loop sender: each order leaves at its scheduled time, whatever the answers do. One
// thread per session (QuickFIX's send takes the session's lock), sending through the session directly rather than
// sendToTarget's global lookup.
long sendOrders( FIX::Session& session, const std::vector<FIX::Message>& templates, LoadApplication& application,
  const std::string& prefix, Clock::time_point start, double rate, int count )
{
  const auto interval = std::chrono::duration<double>( 1.0 / rate );
  long sent = 0;
  for ( int i = 0; i < count; ++i )
  {
    std::this_thread::sleep_until( start + std::chrono::duration_cast<Clock::duration>( interval * i ) );
    const std::string clOrdId = prefix + std::to_string( i );
    FIX::Message order = templates[ i % templates.size() ];
    order.setField( FIX::ClOrdID( clOrdId ) );
    order.setField( FIX::TransactTime( FIX::UtcTimeStamp() ) );
    {
      std::lock_guard<std::mutex> guard( application.lock );
      application.pending[ clOrdId ] = Clock::now();
    }
    session.send( order );
    ++sent;
  }
  return sent;
}

int runLoad( const std::string& config, int rate, int count )
{
  FIX::SessionSettings settings( config );
  LoadApplication application;
  // The load generator's own persistence is not what is measured: keep its messages in memory, log nothing.
  FIX::MemoryStoreFactory storeFactory;
  FIX::ThreadedSocketInitiator initiator( application, storeFactory, settings );
  const std::set<FIX::SessionID> sessions = initiator.getSessions();
  FIX::DataDictionary dictionary( settings.get( *sessions.begin() ).getString( "DataDictionary" ) );
  initiator.start();
  const auto logonDeadline = Clock::now() + std::chrono::seconds( 30 );
  while ( application.loggedOn < static_cast<int>( sessions.size() ) && Clock::now() < logonDeadline )
    std::this_thread::sleep_for( std::chrono::milliseconds( 10 ) );
  if ( application.loggedOn < static_cast<int>( sessions.size() ) )
  {
    std::cerr << "not every session logged on" << std::endl;
    initiator.stop();
    return 3;
  }

  const std::string run = std::to_string( std::chrono::system_clock::now().time_since_epoch().count() );
  const auto start = Clock::now();
  const std::vector<FIX::Message> templates = orderTemplates( dictionary );
  std::vector<std::thread> senders;
  std::vector<long> sentBySession( sessions.size(), 0 );
  int sessionIndex = 0;
  for ( const FIX::SessionID& sessionId : sessions )
  {
    FIX::Session* session = FIX::Session::lookupSession( sessionId );
    const std::string prefix = run + "-" + std::to_string( sessionIndex ) + "-";
    long* sentHere = &sentBySession[ sessionIndex++ ];
    senders.emplace_back( [ session, &templates, &application, prefix, start, rate, count, sentHere ] {
      *sentHere = sendOrders( *session, templates, application, prefix, start, rate, count );
    } );
  }
  for ( std::thread& sender : senders ) sender.join();
  long sent = 0;
  for ( long n : sentBySession ) sent += n;
  const auto drainDeadline = Clock::now() + std::chrono::seconds( 60 );
  while ( application.answered < sent && Clock::now() < drainDeadline )
    std::this_thread::sleep_for( std::chrono::milliseconds( 1 ) );
  const double seconds = std::chrono::duration<double>( Clock::now() - start ).count();
  initiator.stop();

  std::vector<double> latencies, wire;
  {
    std::lock_guard<std::mutex> guard( application.lock );
    latencies = application.latenciesMicros;
    wire = application.wireLatenciesMicros;
  }
  std::sort( latencies.begin(), latencies.end() );
  std::sort( wire.begin(), wire.end() );
  std::printf( "{\"sessions\":%zu,\"offeredPerSecond\":%d,\"sent\":%ld,\"answered\":%ld,\"seconds\":%.3f,"
    "\"rejected\":%ld,\"answeredPerSecond\":%.0f,\"p50us\":%.0f,\"p90us\":%.0f,\"p99us\":%.0f,\"p999us\":%.0f,\"maxus\":%.0f,"
    "\"wireP50us\":%.0f,\"wireP90us\":%.0f,\"wireP99us\":%.0f}\n",
    sessions.size(), rate * static_cast<int>( sessions.size() ), sent, application.answered.load(), seconds,
    application.rejected.load(), application.answered / seconds, percentile( latencies, 0.5 ), percentile( latencies, 0.9 ),
    percentile( latencies, 0.99 ), percentile( latencies, 0.999 ), latencies.empty() ? 0 : latencies.back(),
    percentile( wire, 0.5 ), percentile( wire, 0.9 ), percentile( wire, 0.99 ) );
  return application.answered == sent ? 0 : 1;
}
}

int main( int argc, char** argv )
{
  const std::string usage = "usage: qf-peer script CONFIG | qf-peer load CONFIG RATE COUNT";
  try
  {
    if ( argc == 3 && std::string( argv[ 1 ] ) == "script" ) return runScript( argv[ 2 ] );
    if ( argc == 5 && std::string( argv[ 1 ] ) == "load" )
      return runLoad( argv[ 2 ], std::stoi( argv[ 3 ] ), std::stoi( argv[ 4 ] ) );
  }
  catch ( std::exception& e )
  {
    std::cerr << "qf-peer: " << e.what() << std::endl;
    return 2;
  }
  std::cerr << usage << std::endl;
  return 2;
}
