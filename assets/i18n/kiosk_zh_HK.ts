<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_HK">
<context>
    <name>ApplyScreen</name>
    <message>
        <location filename="../../ui/screens/apply.py" line="97" />
        <source>原件</source>
        <translation>原件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="97" />
        <source>复印件</source>
        <translation>複印件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="97" />
        <source>电子版</source>
        <translation>電子版</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="98" />
        <source>必须</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="98" />
        <source>视情况提供</source>
        <translation>視情況提供</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="103" />
        <source>核验身份时由读卡器读取；没有读卡器时也可以用高拍仪拍</source>
        <translation>核驗身份時由讀卡器讀取；沒有讀卡器時也可以用高拍儀拍</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="105" />
        <source>已通过身份证读卡器读取</source>
        <translation>已通過身份證讀卡器讀取</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="106" />
        <source>在本机填写，不用另交</source>
        <translation>在本機填寫，不用另交</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="107" />
        <source>已拍摄</source>
        <translation>已拍攝</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="108" />
        <source>稍后邮寄补交</source>
        <translation>稍後郵寄補交</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="109" />
        <source>还没有拍摄</source>
        <translation>還沒有拍攝</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="109" />
        <source>如不需要可跳过</source>
        <translation>如不需要可跳過</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="125" />
        <source>身份已核验：%1</source>
        <translation>身份已核驗：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="128" />
        <source>第一步：刷身份证，再看着摄像头核验本人</source>
        <translation>第一步：刷身份證，再看着攝像頭核驗本人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="146" />
        <source>重拍</source>
        <translation>重拍</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="146" />
        <source>拍摄</source>
        <translation>拍攝</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="150" />
        <source>改为拍摄</source>
        <translation>改為拍攝</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="150" />
        <source>邮寄补交</source>
        <translation>郵寄補交</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="156" />
        <source>材料齐了，请点“下一步”填写信息</source>
        <translation>材料齊了，請點“下一步”填寫信息</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="158" />
        <source>请先核验身份</source>
        <translation>請先核驗身份</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/apply.py" line="160" />
        <source>还有 %n 份必须的材料没有拍摄</source>
        <translation>
            <numerusform>還有 %n 份必須的材料沒有拍攝</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="176" />
        <source>按顺序完成下面几步，材料用高拍仪拍摄，不用复印</source>
        <translation>按順序完成下面幾步，材料用高拍儀拍攝，不用複印</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="177" />
        <source>需要的材料</source>
        <translation>需要的材料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="178" />
        <source>刷身份证并刷脸</source>
        <translation>刷身份證並刷臉</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="179" />
        <source>下一步：填写信息</source>
        <translation>下一步：填寫信息</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../ui/screens/attract.py" line="53" />
        <source>黄埔区10个邮政网点可办理530项政务服务事项，周末照常办理</source>
        <translation>黃埔區10個郵政網點可辦理530項政務服務事項，週末照常辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="54" />
        <source>本机可查询1304项政务服务事项，其中824项可在本机自助办理</source>
        <translation>本機可查詢1304項政務服務事項，其中824項可在本機自助辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="55" />
        <source>个人社保、就业，企业开办、经营中的常办事项，可在邮政网点窗口一次办好</source>
        <translation>個人社保、就業，企業開辦、經營中的常辦事項，可在郵政網點窗口一次辦好</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="56" />
        <source>办理结果可通过EMS寄递到家，不必再跑一趟</source>
        <translation>辦理結果可通過EMS寄遞到家，不必再跑一趟</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="57" />
        <source>港澳居民可持港澳居民来往内地通行证在本机查询办事指南</source>
        <translation>港澳居民可持港澳居民來往內地通行證在本機查詢辦事指南</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="62" />
        <source>政务服务 · 邮政便民</source>
        <translation>政務服務 · 郵政便民</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="63" />
        <location filename="../../ui/screens/attract.py" line="96" />
        <source>请触摸屏幕开始</source>
        <translation>請觸摸屏幕開始</translation>
    </message>
</context>
<context>
    <name>BrowseScreen</name>
    <message>
        <location filename="../../ui/screens/browse.py" line="104" />
        <source>全部主题</source>
        <translation>全部主題</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="105" />
        <source>全部部门</source>
        <translation>全部部門</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="135" />
        <source>没有找到相关事项，请换个说法试试，或拨打12345热线咨询</source>
        <translation>沒有找到相關事項，請換個説法試試，或撥打12345熱線諮詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="137" />
        <source>找到的相关事项：</source>
        <translation>找到的相關事項：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="139" />
        <source>常用事项（可输入名称、拼音或首字母查找）：</source>
        <translation>常用事項（可輸入名稱、拼音或首字母查找）：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="141" />
        <source>第 %1 / %2 页</source>
        <translation>第 %1 / %2 頁</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="180" />
        <source>全部</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="180" />
        <source>个人</source>
        <translation>個人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="180" />
        <source>企业</source>
        <translation>企業</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="186" />
        <source>输入事项名称、拼音或首字母，如：社保卡、shebaoka、sbk</source>
        <translation>輸入事項名稱、拼音或首字母，如：社保卡、shebaoka、sbk</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="187" />
        <source>‹ 上一页</source>
        <translation>‹ 上一頁</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="188" />
        <source>下一页 ›</source>
        <translation>下一頁 ›</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="195" />
        <source>收起键盘</source>
        <translation>收起鍵盤</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="195" />
        <source>打开键盘</source>
        <translation>打開鍵盤</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="254" />
        <source>请输入您要办理的事项，或在下方列表中选择</source>
        <translation>請輸入您要辦理的事項，或在下方列表中選擇</translation>
    </message>
</context>
<context>
    <name>CaptureScreen</name>
    <message>
        <location filename="../../ui/screens/capture.py" line="307" />
        <source>居民身份证（人像面）</source>
        <translation>居民身份證（人像面）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="308" />
        <source>居民身份证（国徽面）</source>
        <translation>居民身份證（國徽面）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="309" />
        <source>营业执照</source>
        <translation>營業執照</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="310" />
        <source>材料</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="316" />
        <source>请把身份证有照片的一面朝上，放到高拍仪下方</source>
        <translation>請把身份證有照片的一面朝上，放到高拍儀下方</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="317" />
        <source>请把身份证有国徽的一面朝上，放到高拍仪下方</source>
        <translation>請把身份證有國徽的一面朝上，放到高拍儀下方</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="318" />
        <source>请把营业执照正本或副本朝上，放到高拍仪下方</source>
        <translation>請把營業執照正本或副本朝上，放到高拍儀下方</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="319" />
        <source>请把这份材料平放到高拍仪下方，字朝上</source>
        <translation>請把這份材料平放到高拍儀下方，字朝上</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="325" />
        <source>请把证件放到下方台面上</source>
        <translation>請把證件放到下方枱面上</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="326" />
        <source>请把证件移近一些</source>
        <translation>請把證件移近一些</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="327" />
        <source>请把证件拿远一些</source>
        <translation>請把證件拿遠一些</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="328" />
        <source>请把证件往右移：左边出了画面</source>
        <translation>請把證件往右移：左邊出了畫面</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="329" />
        <source>请把证件往左移：右边出了画面</source>
        <translation>請把證件往左移：右邊出了畫面</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="330" />
        <source>请把证件往下移：上边出了画面</source>
        <translation>請把證件往下移：上邊出了畫面</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="331" />
        <source>请把证件往上移：下边出了画面</source>
        <translation>請把證件往上移：下邊出了畫面</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="332" />
        <source>请把证件放平，正对镜头</source>
        <translation>請把證件放平，正對鏡頭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="333" />
        <source>有反光挡住文字，请把证件稍微倾斜</source>
        <translation>有反光擋住文字，請把證件稍微傾斜</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="334" />
        <source>光线太暗，请换到亮一些的地方</source>
        <translation>光線太暗，請換到亮一些的地方</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="335" />
        <source>光线太强，请避开直射的灯光</source>
        <translation>光線太強，請避開直射的燈光</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="336" />
        <source>画面模糊，请拿稳证件</source>
        <translation>畫面模糊，請拿穩證件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="337" />
        <source>请保持不动</source>
        <translation>請保持不動</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="338" />
        <source>请保持不动，正在拍照……</source>
        <translation>請保持不動，正在拍照……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="339" />
        <source>拍好了</source>
        <translation>拍好了</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="340" />
        <source>拍好了，正在识别，请稍候……</source>
        <translation>拍好了，正在識別，請稍候……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="341" />
        <source>没有识别成功，请重新放好证件</source>
        <translation>沒有識別成功，請重新放好證件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="347" />
        <source>四个角都要在画面里。放好后不要动，会自动拍照</source>
        <translation>四個角都要在畫面裏。放好後不要動，會自動拍照</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="349" />
        <source>立即拍照</source>
        <translation>立即拍照</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="350" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="356" />
        <source>正在打开高拍仪……</source>
        <translation>正在打開高拍儀……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="357" />
        <source>高拍仪不可用，请到窗口办理或联系工作人员</source>
        <translation>高拍儀不可用，請到窗口辦理或聯繫工作人員</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="358" />
        <source>高拍仪没有画面，请联系工作人员</source>
        <translation>高拍儀沒有畫面，請聯繫工作人員</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="432" />
        <source>没有自动拍照？放好证件后可以点“立即拍照”</source>
        <translation>沒有自動拍照？放好證件後可以點“立即拍照”</translation>
    </message>
</context>
<context>
    <name>ConfirmScreen</name>
    <message>
        <location filename="../../ui/screens/confirm.py" line="78" />
        <source>办理事项</source>
        <translation>辦理事項</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="79" />
        <source>申请人</source>
        <translation>申請人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="82" />
        <source>身份证读卡器读取</source>
        <translation>身份證讀卡器讀取</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="83" />
        <source>在本机填写</source>
        <translation>在本機填寫</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="84" />
        <source>已拍摄</source>
        <translation>已拍攝</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="85" />
        <source>稍后邮寄补交</source>
        <translation>稍後郵寄補交</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="109" />
        <source>材料</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="112" />
        <source>填写的信息</source>
        <translation>填寫的信息</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="134" />
        <source>正在提交，请稍候……</source>
        <translation>正在提交，請稍候……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="140" />
        <source>提交没有成功，您填写的内容还在。请再点一次“确认提交”，或联系网点工作人员</source>
        <translation>提交沒有成功，您填寫的內容還在。請再點一次“確認提交”，或聯繫網點工作人員</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="144" />
        <source>请确认以下内容</source>
        <translation>請確認以下內容</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="145" />
        <source>修改材料</source>
        <translation>修改材料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="146" />
        <source>修改信息</source>
        <translation>修改信息</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="147" />
        <source>重新签名</source>
        <translation>重新簽名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="148" />
        <source>确认提交</source>
        <translation>確認提交</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="170" />
        <source>请核对办理事项、材料和填写的信息，无误后点“确认提交”</source>
        <translation>請核對辦理事項、材料和填寫的信息，無誤後點“確認提交”</translation>
    </message>
</context>
<context>
    <name>Consult</name>
    <message>
        <location filename="../../ui/consult.py" line="105" />
        <source>视频咨询</source>
        <translation>視頻諮詢</translation>
    </message>
</context>
<context>
    <name>ConsultScreen</name>
    <message>
        <location filename="../../ui/screens/consult.py" line="416" />
        <source>网络不稳定，正在重新连接，您的排队位置会保留</source>
        <translation>網絡不穩定，正在重新連接，您的排隊位置會保留</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="418" />
        <source>正在为您联系工作人员，请在屏幕前稍候</source>
        <translation>正在為您聯繫工作人員，請在屏幕前稍候</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="420" />
        <source>您排在第 %1 位</source>
        <translation>您排在第 %1 位</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/consult.py" line="423" />
        <source>预计等待约 %n 分钟</source>
        <translation>
            <numerusform>預計等待約 %n 分鐘</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="423" />
        <source>正在连接服务中心……</source>
        <translation>正在連接服務中心……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="426" />
        <source>咨询事项：%1</source>
        <translation>諮詢事項：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="431" />
        <source>工作人员 %1</source>
        <translation>工作人員 %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="433" />
        <source>正在接通视频，请稍候……</source>
        <translation>正在接通視頻，請稍候……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="435" />
        <source>网络不稳定，正在重新连接……</source>
        <translation>網絡不穩定，正在重新連接……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="437" />
        <source>工作人员暂时关闭了麦克风</source>
        <translation>工作人員暫時關閉了麥克風</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="439" />
        <source>已接通，请看着屏幕说话</source>
        <translation>已接通，請看着屏幕説話</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="449" />
        <source>工作人员暂时关闭了摄像头</source>
        <translation>工作人員暫時關閉了攝像頭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="453" />
        <source>正在接通视频……</source>
        <translation>正在接通視頻……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="454" />
        <source>打开麦克风</source>
        <translation>打開麥克風</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="454" />
        <source>关闭麦克风</source>
        <translation>關閉麥克風</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="455" />
        <source>打开摄像头</source>
        <translation>打開攝像頭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="455" />
        <source>关闭摄像头</source>
        <translation>關閉攝像頭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="473" />
        <source>工作人员发来的内容（点一下即可关闭）</source>
        <translation>工作人員發來的內容（點一下即可關閉）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="477" />
        <source>工作人员</source>
        <translation>工作人員</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="477" />
        <source>您自己的画面</source>
        <translation>您自己的畫面</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="486" />
        <source>办事指南</source>
        <translation>辦事指南</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="490" />
        <source>即办（当场办结）</source>
        <translation>即辦（當場辦結）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/consult.py" line="490" />
        <source>%n 个工作日</source>
        <translation>
            <numerusform>%n 個工作日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="492" />
        <source>需要带的材料</source>
        <translation>需要帶的材料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="492" />
        <source>无</source>
        <translation>無</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="493" />
        <source>去哪里办</source>
        <translation>去哪裏辦</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="494" />
        <source>多久办好</source>
        <translation>多久辦好</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="495" />
        <source>咨询电话</source>
        <translation>諮詢電話</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="506" />
        <source>暂时无法视频咨询</source>
        <translation>暫時無法視頻諮詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="506" />
        <source>通话已结束</source>
        <translation>通話已結束</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="509" />
        <source>本机暂未开通视频咨询。</source>
        <translation>本機暫未開通視頻諮詢。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="511" />
        <source>暂时连接不上服务中心，请稍后再试。</source>
        <translation>暫時連接不上服務中心，請稍後再試。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="513" />
        <source>您已退出排队。</source>
        <translation>您已退出排隊。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="515" />
        <source>通话中断了，您可以再次咨询。</source>
        <translation>通話中斷了，您可以再次諮詢。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="517" />
        <source>您已挂断通话。</source>
        <translation>您已掛斷通話。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="519" />
        <source>感谢您的咨询，请按工作人员的指引继续办理。</source>
        <translation>感謝您的諮詢，請按工作人員的指引繼續辦理。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="538" />
        <source>摄像头已关闭</source>
        <translation>攝像頭已關閉</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="545" />
        <source>视频咨询</source>
        <translation>視頻諮詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="546" />
        <source>工作人员将看到这样的画面</source>
        <translation>工作人員將看到這樣的畫面</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="547" />
        <source>通话不会录像；如需录像，会先征得您的同意。</source>
        <translation>通話不會錄像；如需錄像，會先徵得您的同意。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="548" />
        <source>退出排队</source>
        <translation>退出排隊</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="549" />
        <source>挂断</source>
        <translation>掛斷</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="550" />
        <source>停止录像</source>
        <translation>停止錄像</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="551" />
        <source>正在录像</source>
        <translation>正在錄像</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="552" />
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="553" />
        <source>工作人员请求录像</source>
        <translation>工作人員請求錄像</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="555" />
        <source>录像仅用于核对本次办理，由服务中心保存。不同意也可以继续咨询，同意后也可以随时停止。</source>
        <translation>錄像僅用於核對本次辦理，由服務中心保存。不同意也可以繼續諮詢，同意後也可以隨時停止。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="557" />
        <source>同意录像</source>
        <translation>同意錄像</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="558" />
        <source>不同意</source>
        <translation>不同意</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="559" />
        <source>结束与工作人员的通话？</source>
        <translation>結束與工作人員的通話？</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="560" />
        <source>离开这一页会挂断视频通话。</source>
        <translation>離開這一頁會掛斷視頻通話。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="561" />
        <source>继续通话</source>
        <translation>繼續通話</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="562" />
        <source>挂断并离开</source>
        <translation>掛斷並離開</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="563" />
        <source>再次咨询</source>
        <translation>再次諮詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="563" />
        <source>重新排队联系工作人员</source>
        <translation>重新排隊聯繫工作人員</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="564" />
        <source>完成</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="565" />
        <source>也可以拨打12345政务服务热线咨询</source>
        <translation>也可以撥打12345政務服務熱線諮詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="566" />
        <location filename="../../ui/screens/consult.py" line="567" />
        <source>正在打开摄像头……</source>
        <translation>正在打開攝像頭……</translation>
    </message>
</context>
<context>
    <name>DiagnosticsScreen</name>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="524" />
        <source>终端编号：</source>
        <translation>終端編號：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="525" />
        <source>服务网点：</source>
        <translation>服務網點：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="526" />
        <source>事项目录版本：</source>
        <translation>事項目錄版本：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="538" />
        <source>软件版本：</source>
        <translation>軟件版本：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="539" />
        <source>配置来源：</source>
        <translation>配置來源：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="530" />
        <source>设备驱动：</source>
        <translation>設備驅動：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="531" />
        <source>语音播报：</source>
        <translation>語音播報：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="531" />
        <source>可用</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="341" />
        <location filename="../../ui/screens/diagnostics.py" line="413" />
        <location filename="../../ui/screens/diagnostics.py" line="477" />
        <location filename="../../ui/screens/diagnostics.py" line="531" />
        <source>不可用</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="224" />
        <source>高拍仪</source>
        <translation>高拍儀</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="226" />
        <source>指静脉仪</source>
        <translation>指靜脈儀</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="243" />
        <source>正在检测设备……</source>
        <translation>正在檢測設備……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="246" />
        <location filename="../../ui/screens/diagnostics.py" line="522" />
        <location filename="../../ui/screens/diagnostics.py" line="529" />
        <source>检测中</source>
        <translation>檢測中</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="249" />
        <source>未配置</source>
        <translation>未配置</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="259" />
        <source>未启用（保存为 PDF）</source>
        <translation>未啓用（保存為 PDF）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="294" />
        <source>未安装</source>
        <translation>未安裝</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="297" />
        <source>（选配）</source>
        <translation>（選配）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="305" />
        <source>必需设备均正常</source>
        <translation>必需設備均正常</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="305" />
        <source>必需设备故障：</source>
        <translation>必需設備故障：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="328" />
        <source>（将保存为 PDF）</source>
        <translation>（將保存為 PDF）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="345" />
        <source>测试中</source>
        <translation>測試中</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="355" />
        <source>通过</source>
        <translation>通過</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="355" />
        <location filename="../../ui/screens/diagnostics.py" line="484" />
        <source>失败</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="361" />
        <source>请把身份证放在阅读器上</source>
        <translation>請把身份證放在閲讀器上</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="370" />
        <source>正在打印测试页</source>
        <translation>正在打印測試頁</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="380" />
        <source>请在 %1 秒内扫描任意条码</source>
        <translation>請在 %1 秒內掃描任意條碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="386" />
        <source>正在播放 1000 Hz 测试音</source>
        <translation>正在播放 1000 Hz 測試音</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="391" />
        <source>播放并录音</source>
        <translation>播放並錄音</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="400" />
        <source>请把手指放在指静脉仪上</source>
        <translation>請把手指放在指靜脈儀上</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="418" />
        <source>正在连接摄像头……</source>
        <translation>正在連接攝像頭……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="441" />
        <source>预览中</source>
        <translation>預覽中</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="446" />
        <source>太暗</source>
        <translation>太暗</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="447" />
        <source>过亮</source>
        <translation>過亮</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="448" />
        <source>未对焦</source>
        <translation>未對焦</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="449" />
        <source>良好</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="452" />
        <source>亮度 %1 · 清晰度 %2 · %3 · %4</source>
        <translation>亮度 %1 · 清晰度 %2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="463" />
        <location filename="../../ui/screens/diagnostics.py" line="610" />
        <source>摄像头预览未开启</source>
        <translation>攝像頭預覽未開啓</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="527" />
        <source>目录更新：</source>
        <translation>目錄更新：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="528" />
        <source>服务中枢：</source>
        <translation>服務中樞：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="529" />
        <source>A4 打印：</source>
        <translation>A4 打印：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="532" />
        <source>拼音输入词库：</source>
        <translation>拼音輸入詞庫：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="532" />
        <source>已加载</source>
        <translation>已加載</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="532" />
        <source>未加载</source>
        <translation>未加載</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="533" />
        <source>已结束会话数：</source>
        <translation>已結束會話數：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="534" />
        <source>磁盘可用：</source>
        <translation>磁盤可用：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="535" />
        <source>内存可用：</source>
        <translation>內存可用：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="536" />
        <source>CPU 温度：</source>
        <translation>CPU 温度：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="536" />
        <source>无传感器</source>
        <translation>無傳感器</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="537" />
        <source>运行时间：</source>
        <translation>運行時間：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="590" />
        <source>重新检测</source>
        <translation>重新檢測</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="591" />
        <source>系统</source>
        <translation>系統</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="592" />
        <source>最近日志（不含个人信息）</source>
        <translation>最近日誌（不含個人信息）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="593" />
        <source>麦克风电平</source>
        <translation>麥克風電平</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="596" />
        <source>读卡</source>
        <translation>讀卡</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="597" />
        <source>打印测试页</source>
        <translation>打印測試頁</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="598" />
        <source>扫码</source>
        <translation>掃碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="599" />
        <source>预览</source>
        <translation>預覽</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="600" />
        <source>测试音</source>
        <translation>測試音</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="601" />
        <source>电平</source>
        <translation>電平</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="602" />
        <source>回环</source>
        <translation>迴環</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="603" />
        <source>采集</source>
        <translation>採集</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="220" />
        <source>身份证阅读器</source>
        <translation>身份證閲讀器</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="221" />
        <source>凭条打印机</source>
        <translation>憑條打印機</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="222" />
        <source>扫码器</source>
        <translation>掃碼器</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="223" />
        <source>摄像头</source>
        <translation>攝像頭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="225" />
        <source>扬声器和麦克风</source>
        <translation>揚聲器和麥克風</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="298" />
        <source>正常</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="285" />
        <location filename="../../ui/screens/diagnostics.py" line="298" />
        <source>故障</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="549" />
        <source>（暂无日志）</source>
        <translation>（暫無日誌）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="566" />
        <source>正在导出报告……</source>
        <translation>正在導出報告……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="574" />
        <source>导出失败：</source>
        <translation>導出失敗：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="579" />
        <source>报告已导出：</source>
        <translation>報告已導出：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="588" />
        <source>退出诊断</source>
        <translation>退出診斷</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="589" />
        <source>导出报告</source>
        <translation>導出報告</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../../ui/screens/confirm.py" line="228" />
        <source>办件编号：%1</source>
        <translation>辦件編號：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="230" />
        <source>结果将通过 EMS 寄到：%1</source>
        <translation>結果將通過 EMS 寄到：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="232" />
        <source>办结后请凭回执到窗口领取结果</source>
        <translation>辦結後請憑回執到窗口領取結果</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="234" />
        <source>即办</source>
        <translation>即辦</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/confirm.py" line="234" />
        <source>%n 个工作日</source>
        <translation>
            <numerusform>%n 個工作日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="236" />
        <source>办理事项：%1</source>
        <translation>辦理事項：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="237" />
        <source>承诺时限：%1，预计 %2 前办结</source>
        <translation>承諾時限：%1，預計 %2 前辦結</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="239" />
        <source>可扫描回执上的二维码，或拨打 12345 查询进度</source>
        <translation>可掃描回執上的二維碼，或撥打 12345 查詢進度</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="246" />
        <source>回执已打印，请在出纸口取走</source>
        <translation>回執已打印，請在出紙口取走</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="248" />
        <source>打印机暂不可用：请用手机拍下办件编号，或扫描右侧二维码</source>
        <translation>打印機暫不可用：請用手機拍下辦件編號，或掃描右側二維碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="253" />
        <source>申请已提交</source>
        <translation>申請已提交</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="254" />
        <source>扫码查询办理进度</source>
        <translation>掃碼查詢辦理進度</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="255" />
        <source>再打印一张回执</source>
        <translation>再打印一張回執</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="256" />
        <source>预约上门收取材料</source>
        <translation>預約上門收取材料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="257" />
        <source>完成，退出</source>
        <translation>完成，退出</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="288" />
        <source>申请已提交，请取走回执。回执上有办件编号和查询二维码</source>
        <translation>申請已提交，請取走回執。回執上有辦件編號和查詢二維碼</translation>
    </message>
</context>
<context>
    <name>ErrorScreen</name>
    <message>
        <location filename="../../ui/screens/service.py" line="123" />
        <source>抱歉，刚才出了点问题</source>
        <translation>抱歉，剛才出了點問題</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="124" />
        <source>您的信息已清除。请重新开始，或到窗口请工作人员帮助。</source>
        <translation>您的信息已清除。請重新開始，或到窗口請工作人員幫助。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="125" />
        <source>重新开始</source>
        <translation>重新開始</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="129" />
        <source>抱歉，刚才出了点问题，请重新开始</source>
        <translation>抱歉，剛才出了點問題，請重新開始</translation>
    </message>
</context>
<context>
    <name>FaceScreen</name>
    <message>
        <location filename="../../ui/screens/face.py" line="191" />
        <source>请把身份证放在读卡器上</source>
        <translation>請把身份證放在讀卡器上</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="192" />
        <source>正在读取身份证，请不要移开……</source>
        <translation>正在讀取身份證，請不要移開……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="193" />
        <source>正在准备证件照片，请稍候……</source>
        <translation>正在準備證件照片，請稍候……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="194" />
        <source>请看着屏幕，把脸放进框里</source>
        <translation>請看着屏幕，把臉放進框裏</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="195" />
        <source>请一个人站在镜头前</source>
        <translation>請一個人站在鏡頭前</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="196" />
        <source>请靠近一些</source>
        <translation>請靠近一些</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="197" />
        <source>请稍微往后站</source>
        <translation>請稍微往後站</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="198" />
        <source>请把脸移到框的中间</source>
        <translation>請把臉移到框的中間</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="199" />
        <source>请正对屏幕</source>
        <translation>請正對屏幕</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="200" />
        <source>脸部太暗，请站到亮一些的地方</source>
        <translation>臉部太暗，請站到亮一些的地方</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="201" />
        <source>脸部光线太强</source>
        <translation>臉部光線太強</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="202" />
        <source>请保持不动</source>
        <translation>請保持不動</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="203" />
        <source>很好，请保持不动</source>
        <translation>很好，請保持不動</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="204" />
        <source>请眨眨眼</source>
        <translation>請眨眨眼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="205" />
        <source>请慢慢向左转头</source>
        <translation>請慢慢向左轉頭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="206" />
        <source>请慢慢向右转头</source>
        <translation>請慢慢向右轉頭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="207" />
        <source>请慢慢点头</source>
        <translation>請慢慢點頭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="208" />
        <source>核验通过</source>
        <translation>核驗通過</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="209" />
        <source>人脸与身份证照片不一致</source>
        <translation>人臉與身份證照片不一致</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="210" />
        <source>没有看到要求的动作</source>
        <translation>沒有看到要求的動作</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="211" />
        <source>没有通过活体检测，请本人正对镜头</source>
        <translation>沒有通過活體檢測，請本人正對鏡頭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="212" />
        <source>请本人正对镜头，不要使用照片或屏幕</source>
        <translation>請本人正對鏡頭，不要使用照片或屏幕</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="213" />
        <source>检测过程中换了人</source>
        <translation>檢測過程中換了人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="214" />
        <source>无法使用这张身份证的照片</source>
        <translation>無法使用這張身份證的照片</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="215" />
        <source>没有读到身份证，请重新放好</source>
        <translation>沒有讀到身份證，請重新放好</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="216" />
        <source>摄像头不可用</source>
        <translation>攝像頭不可用</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="221" />
        <source>刷脸核验身份</source>
        <translation>刷臉核驗身份</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="223" />
        <source>再试一次</source>
        <translation>再試一次</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="224" />
        <source>视频连线工作人员</source>
        <translation>視頻連線工作人員</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="225" />
        <source>继续办理</source>
        <translation>繼續辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="226" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="404" />
        <source>正在打开摄像头……</source>
        <translation>正在打開攝像頭……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="367" />
        <source>摄像头没有画面，请联系工作人员</source>
        <translation>攝像頭沒有畫面，請聯繫工作人員</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="390" />
        <source>还剩 %1 秒</source>
        <translation>還剩 %1 秒</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/face.py" line="411" />
        <source>还可以再试 %n 次</source>
        <translation>
            <numerusform>還可以再試 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="413" />
        <source>请到人工窗口，或在这里视频连线工作人员核验身份</source>
        <translation>請到人工窗口，或在這裏視頻連線工作人員核驗身份</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="415" />
        <source>请到人工窗口，工作人员会帮您核验身份</source>
        <translation>請到人工窗口，工作人員會幫您核驗身份</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="417" />
        <source>已确认是您本人</source>
        <translation>已確認是您本人</translation>
    </message>
</context>
<context>
    <name>FieldWords</name>
    <message>
        <location filename="../../ui/screens/form.py" line="36" />
        <source>企业名称</source>
        <translation>企業名稱</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="37" />
        <source>统一社会信用代码</source>
        <translation>統一社會信用代碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="38" />
        <source>法定代表人</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="39" />
        <source>经办人姓名</source>
        <translation>經辦人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="40" />
        <source>经办人身份证号码</source>
        <translation>經辦人身份證號碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="41" />
        <source>联系电话</source>
        <translation>聯繫電話</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="42" />
        <source>邮寄地址</source>
        <translation>郵寄地址</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="43" />
        <source>结果领取方式</source>
        <translation>結果領取方式</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="44" />
        <source>申请人姓名</source>
        <translation>申請人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="45" />
        <source>身份证号码</source>
        <translation>身份證號碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="46" />
        <source>变更事项及变更后内容</source>
        <translation>變更事項及變更後內容</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="47" />
        <source>收款银行账号</source>
        <translation>收款銀行賬號</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="48" />
        <source>遗失或损坏情况说明</source>
        <translation>遺失或損壞情況説明</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="49" />
        <source>EMS邮寄</source>
        <translation>EMS郵寄</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="50" />
        <source>窗口自取</source>
        <translation>窗口自取</translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <location filename="../../ui/screens/form.py" line="175" />
        <source>这一项必须填写</source>
        <translation>這一項必須填寫</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="176" />
        <source>身份证号码应为18位，最后一位可以是X</source>
        <translation>身份證號碼應為18位，最後一位可以是X</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="177" />
        <source>身份证号码有一位不对，请逐位核对</source>
        <translation>身份證號碼有一位不對，請逐位核對</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="178" />
        <source>统一社会信用代码有误，请对照营业执照逐位核对</source>
        <translation>統一社會信用代碼有誤，請對照營業執照逐位核對</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="179" />
        <source>请填写11位手机号码，或带区号的固定电话</source>
        <translation>請填寫11位手機號碼，或帶區號的固定電話</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="180" />
        <source>请按“年-月-日”填写日期，例如 2024-05-01</source>
        <translation>請按“年-月-日”填寫日期，例如 2024-05-01</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="181" />
        <source>日期不能晚于今天</source>
        <translation>日期不能晚於今天</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="182" />
        <source>请只填写数字</source>
        <translation>請只填寫數字</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="183" />
        <source>请点选一项</source>
        <translation>請點選一項</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="184" />
        <source>内容太长了，请精简</source>
        <translation>內容太長了，請精簡</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="185" />
        <source>地址不完整，请写到门牌号</source>
        <translation>地址不完整，請寫到門牌號</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="186" />
        <source>含有无法识别的字符，请重新输入</source>
        <translation>含有無法識別的字符，請重新輸入</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="187" />
        <source>这一项填写有误</source>
        <translation>這一項填寫有誤</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/form.py" line="258" />
        <source>还有 %n 项需要修改，已用红框标出</source>
        <translation>
            <numerusform>還有 %n 項需要修改，已用紅框標出</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="278" />
        <source>已根据身份证和证照自动填写，请核对；带 * 的必须填写</source>
        <translation>已根據身份證和證照自動填寫，請核對；帶 * 的必須填寫</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="279" />
        <source>下一步：签名</source>
        <translation>下一步：簽名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="281" />
        <location filename="../../ui/screens/form.py" line="293" />
        <source>填写申请信息</source>
        <translation>填寫申請信息</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/screens/home.py" line="39" />
        <source>事项查询</source>
        <translation>事項查詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="39" />
        <source>查询全部1304项服务的办事指南</source>
        <translation>查詢全部1304項服務的辦事指南</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="40" />
        <source>自助申报</source>
        <translation>自助申報</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="40" />
        <source>824项事项可在本机办理</source>
        <translation>824項事項可在本機辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="41" />
        <source>视频咨询</source>
        <translation>視頻諮詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="41" />
        <source>与工作人员视频通话</source>
        <translation>與工作人員視頻通話</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="42" />
        <source>预约上门</source>
        <translation>預約上門</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="42" />
        <source>邮政人员上门收取材料</source>
        <translation>郵政人員上門收取材料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="43" />
        <source>办件查询</source>
        <translation>辦件查詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="43" />
        <source>查看申请的办理进度</source>
        <translation>查看申請的辦理進度</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="44" />
        <source>社保业务</source>
        <translation>社保業務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="44" />
        <source>参保、缴费、待遇、社保卡</source>
        <translation>參保、繳費、待遇、社保卡</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="45" />
        <source>智能审批</source>
        <translation>智能審批</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="45" />
        <source>符合条件即时审批</source>
        <translation>符合條件即時審批</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="46" />
        <source>粤港澳大湾区政务</source>
        <translation>粵港澳大灣區政務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="46" />
        <source>湾区通办服务</source>
        <translation>灣區通辦服務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="47" />
        <source>省政务服务网黄埔区分厅</source>
        <translation>省政務服務網黃埔區分廳</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="47" />
        <source>广东政务服务网</source>
        <translation>廣東政務服務網</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="48" />
        <source>网上中介超市</source>
        <translation>網上中介超市</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="48" />
        <source>中介服务事项</source>
        <translation>中介服務事項</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="49" />
        <source>粤省事</source>
        <translation>粵省事</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="49" />
        <source>广东民生服务</source>
        <translation>廣東民生服務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="84" />
        <source>更多服务 ›</source>
        <translation>更多服務 ›</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="84" />
        <source>‹ 返回常用服务</source>
        <translation>‹ 返回常用服務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="94" />
        <source>欢迎使用政务服务自助终端</source>
        <translation>歡迎使用政務服務自助終端</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="112" />
        <source>请选择您要办理的业务</source>
        <translation>請選擇您要辦理的業務</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="50" />
        <source>您还在办理吗？</source>
        <translation>您還在辦理嗎？</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="51" />
        <source>%1 秒后将结束办理，并清除您在本机输入的所有信息</source>
        <translation>%1 秒後將結束辦理，並清除您在本機輸入的所有信息</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="52" />
        <source>继续办理</source>
        <translation>繼續辦理</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="53" />
        <source>结束办理</source>
        <translation>結束辦理</translation>
    </message>
</context>
<context>
    <name>ItemScreen</name>
    <message>
        <location filename="../../ui/screens/item.py" line="135" />
        <source>识别营业执照</source>
        <translation>識別營業執照</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="135" />
        <source>营业执照正本或副本，放到高拍仪下即可</source>
        <translation>營業執照正本或副本，放到高拍儀下即可</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="137" />
        <location filename="../../ui/screens/item.py" line="138" />
        <source>识别证件</source>
        <translation>識別證件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="137" />
        <source>居民身份证国徽面，放到高拍仪下即可</source>
        <translation>居民身份證國徽面，放到高拍儀下即可</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="138" />
        <source>居民身份证人像面，放到高拍仪下即可</source>
        <translation>居民身份證人像面，放到高拍儀下即可</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="143" />
        <source>居民身份证（人像面）</source>
        <translation>居民身份證（人像面）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="144" />
        <source>居民身份证（国徽面）</source>
        <translation>居民身份證（國徽面）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="145" />
        <source>营业执照</source>
        <translation>營業執照</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="168" />
        <source>刷脸核验身份</source>
        <translation>刷臉核驗身份</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="168" />
        <source>身份证放到读卡器上，再看着摄像头</source>
        <translation>身份證放到讀卡器上，再看着攝像頭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="175" />
        <source>%1已识别并核对</source>
        <translation>%1已識別並核對</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="180" />
        <source>身份已核验</source>
        <translation>身份已核驗</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="185" />
        <source>即办（当场办结）</source>
        <translation>即辦（當場辦結）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/item.py" line="185" />
        <source>%n 个工作日</source>
        <translation>
            <numerusform>%n 個工作日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="191" />
        <source>原件</source>
        <translation>原件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="191" />
        <source>复印件</source>
        <translation>複印件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="191" />
        <source>电子版</source>
        <translation>電子版</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="193" />
        <source>本机自助办理</source>
        <translation>本機自助辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="194" />
        <source>邮政网点窗口办理</source>
        <translation>郵政網點窗口辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="195" />
        <source>网上办理（广东政务服务网、粤省事）</source>
        <translation>網上辦理（廣東政務服務網、粵省事）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="196" />
        <source>政务服务中心窗口办理</source>
        <translation>政務服務中心窗口辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="197" />
        <source>可预约邮政人员上门收取材料</source>
        <translation>可預約郵政人員上門收取材料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="199" />
        <source>个人</source>
        <translation>個人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="199" />
        <source>企业</source>
        <translation>企業</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="199" />
        <source>个人和企业</source>
        <translation>個人和企業</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="207" />
        <source>必须</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="207" />
        <source>视情况提供</source>
        <translation>視情況提供</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="210" />
        <source>不收费</source>
        <translation>不收費</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="213" />
        <source>需要带的材料</source>
        <translation>需要帶的材料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="214" />
        <source>去哪里办</source>
        <translation>去哪裏辦</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="216" />
        <source>多久办好</source>
        <translation>多久辦好</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="218" />
        <source>承诺时限：</source>
        <translation>承諾時限：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="219" />
        <source>法定时限：</source>
        <translation>法定時限：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="222" />
        <source>收费</source>
        <translation>收費</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="223" />
        <source>可以怎么办</source>
        <translation>可以怎麼辦</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="224" />
        <source>办理步骤</source>
        <translation>辦理步驟</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="225" />
        <source>咨询电话</source>
        <translation>諮詢電話</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="226" />
        <source>服务对象与部门</source>
        <translation>服務對象與部門</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="227" />
        <source>设定依据</source>
        <translation>設定依據</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="234" />
        <source>指南已打印，请在下方出纸口取走</source>
        <translation>指南已打印，請在下方出紙口取走</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="236" />
        <source>打印机暂不可用，请用手机扫描上方二维码保存指南</source>
        <translation>打印機暫不可用，請用手機掃描上方二維碼保存指南</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="241" />
        <source>手机扫码，把指南带走</source>
        <translation>手機掃碼，把指南帶走</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="242" />
        <source>在本机申请办理</source>
        <translation>在本機申請辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="242" />
        <source>刷身份证、拍材料、签名，当场提交</source>
        <translation>刷身份證、拍材料、簽名，當場提交</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="243" />
        <source>打印办事指南</source>
        <translation>打印辦事指南</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="244" />
        <source>预约上门收件</source>
        <translation>預約上門收件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="244" />
        <source>邮政人员到家里收取材料</source>
        <translation>郵政人員到家裏收取材料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="245" />
        <source>视频咨询工作人员</source>
        <translation>視頻諮詢工作人員</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="246" />
        <source>需要帮助可拨打12345政务服务热线</source>
        <translation>需要幫助可撥打12345政務服務熱線</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="286" />
        <source>这是办事指南，请准备好所列材料。可以打印指南，或用手机扫描二维码带走</source>
        <translation>這是辦事指南，請準備好所列材料。可以打印指南，或用手機掃描二維碼帶走</translation>
    </message>
</context>
<context>
    <name>Journey</name>
    <message>
        <location filename="../../ui/journey.py" line="64" />
        <source>申请办理</source>
        <translation>申請辦理</translation>
    </message>
    <message>
        <location filename="../../ui/journey.py" line="65" />
        <source>填写信息</source>
        <translation>填寫信息</translation>
    </message>
    <message>
        <location filename="../../ui/journey.py" line="66" />
        <source>签名</source>
        <translation>簽名</translation>
    </message>
    <message>
        <location filename="../../ui/journey.py" line="67" />
        <source>确认提交</source>
        <translation>確認提交</translation>
    </message>
    <message>
        <location filename="../../ui/journey.py" line="68" />
        <source>提交成功</source>
        <translation>提交成功</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="212" />
        <source>首页</source>
        <translation>首頁</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213" />
        <source>事项查询</source>
        <translation>事項查詢</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214" />
        <source>办事指南</source>
        <translation>辦事指南</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215" />
        <source>证件识别</source>
        <translation>證件識別</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216" />
        <source>核对信息</source>
        <translation>核對信息</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217" />
        <source>身份核验</source>
        <translation>身份核驗</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218" />
        <source>网上服务</source>
        <translation>網上服務</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219" />
        <source>技术人员入口</source>
        <translation>技術人員入口</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="220" />
        <source>终端诊断</source>
        <translation>終端診斷</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222" />
        <source>办件查询</source>
        <translation>辦件查詢</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223" />
        <source>预约上门</source>
        <translation>預約上門</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355" />
        <source>正在打印，请稍候……</source>
        <translation>正在打印，請稍候……</translation>
    </message>
</context>
<context>
    <name>PickupScreen</name>
    <message>
        <location filename="../../ui/screens/pickup.py" line="219" />
        <source>今天</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="219" />
        <source>明天</source>
        <translation>明天</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="219" />
        <source>后天</source>
        <translation>後天</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="224" />
        <source>%1月%2日</source>
        <translation>%1月%2日</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="237" />
        <source>%1（%2）%3</source>
        <translation>%1（%2）%3</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="245" />
        <source>周一</source>
        <translation>週一</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="245" />
        <source>周二</source>
        <translation>週二</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="245" />
        <source>周三</source>
        <translation>週三</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="245" />
        <source>周四</source>
        <translation>週四</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="245" />
        <source>周五</source>
        <translation>週五</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="246" />
        <source>周六</source>
        <translation>週六</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="246" />
        <source>周日</source>
        <translation>週日</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="252" />
        <source>联系人</source>
        <translation>聯繫人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="253" />
        <source>手机号码</source>
        <translation>手機號碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="254" />
        <source>上门地址</source>
        <translation>上門地址</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="260" />
        <source>邮政人员上门时找谁</source>
        <translation>郵政人員上門時找誰</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="261" />
        <source>11 位手机号码，邮政人员出发前会打电话</source>
        <translation>11 位手機號碼，郵政人員出發前會打電話</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="262" />
        <source>写到门牌号，例如：开发大道 188 号 3 栋 502 房</source>
        <translation>寫到門牌號，例如：開發大道 188 號 3 棟 502 房</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="268" />
        <source>请填写联系人</source>
        <translation>請填寫聯繫人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="269" />
        <source>名字太长了</source>
        <translation>名字太長了</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="270" />
        <source>请填写手机号码</source>
        <translation>請填寫手機號碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="271" />
        <source>手机号码应为 11 位数字，以 1 开头</source>
        <translation>手機號碼應為 11 位數字，以 1 開頭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="272" />
        <source>请填写上门地址</source>
        <translation>請填寫上門地址</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="273" />
        <source>地址太简单，请写到门牌号</source>
        <translation>地址太簡單，請寫到門牌號</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="274" />
        <source>地址太长了</source>
        <translation>地址太長了</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="275" />
        <source>上门收件只在黄埔区内，这个地址不在黄埔区</source>
        <translation>上門收件只在黃埔區內，這個地址不在黃埔區</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="281" />
        <source>这个时间刚刚约满了，请另选一个时间。</source>
        <translation>這個時間剛剛約滿了，請另選一個時間。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="282" />
        <source>这个时间已经不能预约了，请另选一个时间。</source>
        <translation>這個時間已經不能預約了，請另選一個時間。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="284" />
        <source>没有预约成功：暂时连不上预约系统，这次没有预约上。请稍后再试，或拨打 %1（中国邮政）预约。</source>
        <translation>沒有預約成功：暫時連不上預約系統，這次沒有預約上。請稍後再試，或撥打 %1（中國郵政）預約。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="286" />
        <source>没有预约成功，这次没有预约上。请稍后再试，或拨打 %1（中国邮政）预约。</source>
        <translation>沒有預約成功，這次沒有預約上。請稍後再試，或撥打 %1（中國郵政）預約。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="290" />
        <source>暂时连不上预约系统，现在查不到可以预约的时间。请稍后点“重试”，或拨打 %1（中国邮政）预约。</source>
        <translation>暫時連不上預約系統，現在查不到可以預約的時間。請稍後點“重試”，或撥打 %1（中國郵政）預約。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="292" />
        <source>现在查不到可以预约的时间。请稍后点“重试”，或拨打 %1（中国邮政）预约。</source>
        <translation>現在查不到可以預約的時間。請稍後點“重試”，或撥打 %1（中國郵政）預約。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="299" />
        <source>预约邮政人员上门收件</source>
        <translation>預約郵政人員上門收件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="300" />
        <source>① 选哪一天</source>
        <translation>① 選哪一天</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="301" />
        <source>② 选几点钟</source>
        <translation>② 選幾點鐘</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="302" />
        <source>重试</source>
        <translation>重試</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="303" />
        <location filename="../../ui/screens/pickup.py" line="341" />
        <source>下一步</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="304" />
        <source>③ 填写联系方式</source>
        <translation>③ 填寫聯繫方式</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="305" />
        <source>改时间</source>
        <translation>改時間</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="306" />
        <source>上一步</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="307" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="308" />
        <source>确定</source>
        <translation>確定</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="309" />
        <source>预约成功</source>
        <translation>預約成功</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="310" />
        <source>返回首页</source>
        <translation>返回首頁</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="311" />
        <source>打印预约单</source>
        <translation>打印預約單</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="320" />
        <source>请选择邮政人员上门的日期和时间，然后点“下一步”</source>
        <translation>請選擇郵政人員上門的日期和時間，然後點“下一步”</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="322" />
        <source>请填写联系人、手机号码和上门地址，然后点“确认预约”</source>
        <translation>請填寫聯繫人、手機號碼和上門地址，然後點“確認預約”</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="342" />
        <location filename="../../ui/screens/pickup.py" line="429" />
        <location filename="../../ui/screens/pickup.py" line="621" />
        <source>上门时间：%1</source>
        <translation>上門時間：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="348" />
        <source>（点这里填写）</source>
        <translation>（點這裏填寫）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="349" />
        <source>%1：%2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="354" />
        <source>点这里修改</source>
        <translation>點這裏修改</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="358" />
        <source>正在预约，请稍候……</source>
        <translation>正在預約，請稍候……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="358" />
        <source>确认预约</source>
        <translation>確認預約</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/pickup.py" line="399" />
        <source>剩 %n 个</source>
        <translation>
            <numerusform>剩 %n 個</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="399" />
        <source>已约满</source>
        <translation>已約滿</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="407" />
        <source>正在查询可以预约的时间……</source>
        <translation>正在查詢可以預約的時間……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="409" />
        <source>请先选一天</source>
        <translation>請先選一天</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="413" />
        <source>这一天已经约满或已过了预约时间，请另选一天</source>
        <translation>這一天已經約滿或已過了預約時間，請另選一天</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="425" />
        <location filename="../../ui/screens/pickup.py" line="620" />
        <source>邮政人员将在 %1 前上门</source>
        <translation>郵政人員將在 %1 前上門</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="428" />
        <location filename="../../ui/screens/pickup.py" line="619" />
        <source>预约号：%1</source>
        <translation>預約號：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="430" />
        <location filename="../../ui/screens/pickup.py" line="622" />
        <source>上门地址：%1</source>
        <translation>上門地址：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="431" />
        <location filename="../../ui/screens/pickup.py" line="623" />
        <source>联系人：%1</source>
        <translation>聯繫人：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="432" />
        <location filename="../../ui/screens/pickup.py" line="624" />
        <source>办理事项：%1</source>
        <translation>辦理事項：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="436" />
        <source>请提前准备好办事指南上列出的材料。要改时间或取消，请拨打 %1。</source>
        <translation>請提前準備好辦事指南上列出的材料。要改時間或取消，請撥打 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="617" />
        <source>上门收件预约单</source>
        <translation>上門收件預約單</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="626" />
        <source>改时间或取消请拨打 %1</source>
        <translation>改時間或取消請撥打 %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="632" />
        <source>正在打印，请稍候……</source>
        <translation>正在打印，請稍候……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="638" />
        <source>预约单已打印，请在出纸口取走</source>
        <translation>預約單已打印，請在出紙口取走</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="640" />
        <source>打印机暂时不能用，请记下预约号，或用手机拍下本页</source>
        <translation>打印機暫時不能用，請記下預約號，或用手機拍下本頁</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../../ui/screens/service.py" line="70" />
        <source>未设置技术人员密码</source>
        <translation>未設置技術人員密碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="78" />
        <source>错误次数过多，请 %1 秒后再试</source>
        <translation>錯誤次數過多，請 %1 秒後再試</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="81" />
        <source>密码错误，还可尝试 %1 次</source>
        <translation>密碼錯誤，還可嘗試 %1 次</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="85" />
        <source>技术人员入口：请输入密码</source>
        <translation>技術人員入口：請輸入密碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="86" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PortalView</name>
    <message>
        <location filename="../../ui/portal.py" line="171" />
        <source>返回首页</source>
        <translation>返回首頁</translation>
    </message>
    <message>
        <location filename="../../ui/portal.py" line="176" />
        <source>上一页</source>
        <translation>上一頁</translation>
    </message>
    <message>
        <location filename="../../ui/portal.py" line="233" />
        <location filename="../../ui/portal.py" line="327" />
        <location filename="../../ui/portal.py" line="331" />
        <source>该网页不在本服务范围内</source>
        <translation>該網頁不在本服務範圍內</translation>
    </message>
    <message>
        <location filename="../../ui/portal.py" line="323" />
        <source>本机不提供文件下载</source>
        <translation>本機不提供文件下載</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../ui/screens/review.py" line="196" />
        <source>统一社会信用代码</source>
        <translation>統一社會信用代碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="197" />
        <source>名称</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="198" />
        <source>类型</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="199" />
        <source>法定代表人</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="200" />
        <source>注册资本</source>
        <translation>註冊資本</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="201" />
        <source>成立日期</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="202" />
        <source>住所</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="206" />
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="207" />
        <source>性别</source>
        <translation>性別</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="208" />
        <source>民族</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="209" />
        <source>出生日期</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="210" />
        <source>住址</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="211" />
        <source>公民身份号码</source>
        <translation>公民身份號碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="212" />
        <source>签发机关</source>
        <translation>簽發機關</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="213" />
        <source>有效期自</source>
        <translation>有效期自</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="214" />
        <source>有效期至</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="221" />
        <source>没有读出内容</source>
        <translation>沒有讀出內容</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="222" />
        <source>字迹不够清楚，可能读错</source>
        <translation>字跡不夠清楚，可能讀錯</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="223" />
        <source>号码的位数或格式不对</source>
        <translation>號碼的位數或格式不對</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="224" />
        <source>号码最后一位的校验不通过</source>
        <translation>號碼最後一位的校驗不通過</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="225" />
        <source>号码里的出生日期与证件上的不一致</source>
        <translation>號碼裏的出生日期與證件上的不一致</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="226" />
        <source>号码与性别不一致</source>
        <translation>號碼與性別不一致</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="227" />
        <source>号码开头的地区代码不存在</source>
        <translation>號碼開頭的地區代碼不存在</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="228" />
        <source>代码的格式或校验位不对</source>
        <translation>代碼的格式或校驗位不對</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="229" />
        <source>应为“男”或“女”</source>
        <translation>應為“男”或“女”</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="230" />
        <source>不是56个民族之一</source>
        <translation>不是56個民族之一</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="231" />
        <source>不是有效的日期，请按 1980-01-31 的格式填写</source>
        <translation>不是有效的日期，請按 1980-01-31 的格式填寫</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="232" />
        <source>有效期限不符合规定</source>
        <translation>有效期限不符合規定</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="233" />
        <source>内容不符合证件的编排规则</source>
        <translation>內容不符合證件的編排規則</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="234" />
        <source>日期不能晚于今天</source>
        <translation>日期不能晚於今天</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="235" />
        <source>有形近的字</source>
        <translation>有形近的字</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="236" />
        <source>姓氏不常见</source>
        <translation>姓氏不常見</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="237" />
        <source>街道或道路名已按地名库更正</source>
        <translation>街道或道路名已按地名庫更正</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="238" />
        <source>地址末尾可能缺字</source>
        <translation>地址末尾可能缺字</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="239" />
        <source>名称应以“有限公司”等组织形式结尾</source>
        <translation>名稱應以「有限公司」等組織形式結尾</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="240" />
        <source>可能读错</source>
        <translation>可能讀錯</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="245" />
        <source>这是证件的另一面，请翻过来后重拍</source>
        <translation>這是證件的另一面，請翻過來後重拍</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="246" />
        <source>这可能不是要求的证件，请检查后重拍</source>
        <translation>這可能不是要求的證件，請檢查後重拍</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="247" />
        <source>这看起来是复印件，请使用证件原件</source>
        <translation>這看起來是複印件，請使用證件原件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="248" />
        <source>这看起来是屏幕上的照片，请使用证件原件</source>
        <translation>這看起來是屏幕上的照片，請使用證件原件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="249" />
        <source>证件有反光，部分文字可能没读准，请仔细核对</source>
        <translation>證件有反光，部分文字可能沒讀準，請仔細核對</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="250" />
        <source>照片有些模糊，请仔细核对，或者重拍</source>
        <translation>照片有些模糊，請仔細核對，或者重拍</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="251" />
        <source>照片偏暗，请仔细核对，或者重拍</source>
        <translation>照片偏暗，請仔細核對，或者重拍</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="252" />
        <source>照片过亮，请仔细核对，或者重拍</source>
        <translation>照片過亮，請仔細核對，或者重拍</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="257" />
        <source>请核对识别结果</source>
        <translation>請核對識別結果</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="258" />
        <source>标有 ⚠ 的项目请逐一核对：内容正确就点“正确”，不对就点内容修改</source>
        <translation>標有 ⚠ 的項目請逐一核對：內容正確就點“正確”，不對就點內容修改</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="259" />
        <source>重拍</source>
        <translation>重拍</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="260" />
        <source>确认</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="261" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="262" />
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="263" />
        <source>也可能是（点一下即可选用）：</source>
        <translation>也可能是（點一下即可選用）：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/review.py" line="272" />
        <source>请核对识别结果。有 %n 项需要核对：内容正确就点“正确”，不对就点内容修改</source>
        <translation>
            <numerusform>請核對識別結果。有 %n 項需要核對：內容正確就點“正確”，不對就點內容修改</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="273" />
        <source>请核对识别结果，没有问题就点“确认”</source>
        <translation>請核對識別結果，沒有問題就點“確認”</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="306" />
        <source>请核对：%1</source>
        <translation>請核對：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="324" />
        <source>请看照片是否完整、清楚，再点“确认”；不清楚就重拍</source>
        <translation>請看照片是否完整、清楚，再點“確認”；不清楚就重拍</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="390" />
        <source>修改：%1</source>
        <translation>修改：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="391" />
        <source>识别结果：%1</source>
        <translation>識別結果：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="307" />
        <source>已核对</source>
        <translation>已核對</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="308" />
        <source>已修改</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="313" />
        <location filename="../../ui/screens/review.py" line="391" />
        <source>（没有读出）</source>
        <translation>（沒有讀出）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="315" />
        <source>正确</source>
        <translation>正確</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="316" />
        <source>修改</source>
        <translation>修改</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/review.py" line="328" />
        <source>还有 %n 项需要核对</source>
        <translation>
            <numerusform>還有 %n 項需要核對</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="330" />
        <source>都核对好了，请点“确认”</source>
        <translation>都核對好了，請點“確認”</translation>
    </message>
</context>
<context>
    <name>SignScreen</name>
    <message>
        <location filename="../../ui/screens/sign.py" line="26" />
        <source>请在此处用手指签名</source>
        <translation>請在此處用手指簽名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="53" />
        <source>请先在白色区域签名</source>
        <translation>請先在白色區域簽名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="54" />
        <source>签名太小了，请写大一些</source>
        <translation>簽名太小了，請寫大一些</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="55" />
        <source>请写出完整的姓名</source>
        <translation>請寫出完整的姓名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="56" />
        <source>请重新签名</source>
        <translation>請重新簽名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="73" />
        <source>签名确认</source>
        <translation>簽名確認</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="75" />
        <source>本人承诺所填信息和提交的材料真实、有效，如有不实，愿承担相应法律责任。请在下方签名：</source>
        <translation>本人承諾所填信息和提交的材料真實、有效，如有不實，願承擔相應法律責任。請在下方簽名：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="77" />
        <source>全部清除</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="78" />
        <source>撤销一笔</source>
        <translation>撤銷一筆</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="79" />
        <source>确认签名</source>
        <translation>確認簽名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="96" />
        <source>请阅读承诺内容，然后用手指在白色区域写下您的姓名</source>
        <translation>請閲讀承諾內容，然後用手指在白色區域寫下您的姓名</translation>
    </message>
</context>
<context>
    <name>StatusScreen</name>
    <message>
        <location filename="../../ui/screens/status.py" line="244" />
        <source>已提交</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="245" />
        <location filename="../../ui/screens/status.py" line="266" />
        <source>已受理</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="246" />
        <source>审核中</source>
        <translation>審核中</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="247" />
        <location filename="../../ui/screens/status.py" line="269" />
        <source>需要补充材料</source>
        <translation>需要補充材料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="248" />
        <location filename="../../ui/screens/status.py" line="272" />
        <source>审核通过</source>
        <translation>審核通過</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="249" />
        <location filename="../../ui/screens/status.py" line="274" />
        <source>未通过审核</source>
        <translation>未通過審核</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="250" />
        <location filename="../../ui/screens/status.py" line="277" />
        <source>结果已寄出</source>
        <translation>結果已寄出</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="251" />
        <source>结果已领取</source>
        <translation>結果已領取</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="257" />
        <source>出审核结果</source>
        <translation>出審核結果</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="259" />
        <source>寄出办理结果</source>
        <translation>寄出辦理結果</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="265" />
        <source>已提交，等待受理</source>
        <translation>已提交，等待受理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="265" />
        <source>您的申请已送达，工作人员会尽快受理。</source>
        <translation>您的申請已送達，工作人員會盡快受理。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="266" />
        <source>工作人员已接收您的申请，马上开始审核。</source>
        <translation>工作人員已接收您的申請，馬上開始審核。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="267" />
        <source>正在审核</source>
        <translation>正在審核</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="267" />
        <source>工作人员正在审核您的材料，请耐心等待。</source>
        <translation>工作人員正在審核您的材料，請耐心等待。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="270" />
        <source>请把下面列出的材料寄到指定地址，收到后会继续审核。</source>
        <translation>請把下面列出的材料寄到指定地址，收到後會繼續審核。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="272" />
        <source>您的申请已通过，办理结果将寄给您。</source>
        <translation>您的申請已通過，辦理結果將寄給您。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="275" />
        <source>很抱歉，您的申请没有通过。可拨打 12345 咨询原因和下一步怎么办。</source>
        <translation>很抱歉，您的申請沒有通過。可撥打 12345 諮詢原因和下一步怎麼辦。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="277" />
        <source>办理结果已通过 EMS 寄出，请留意查收。</source>
        <translation>辦理結果已通過 EMS 寄出，請留意查收。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="278" />
        <source>已办结</source>
        <translation>已辦結</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="278" />
        <source>办理结果已领取，这件事已经办完。</source>
        <translation>辦理結果已領取，這件事已經辦完。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="284" />
        <source>请输入回执上的受理编号</source>
        <translation>請輸入回執上的受理編號</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="285" />
        <source>受理编号是 HP 加 17 位数字，请对照回执再看一下</source>
        <translation>受理編號是 HP 加 17 位數字，請對照回執再看一下</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="286" />
        <source>受理编号有一位不对，请对照回执逐位核对</source>
        <translation>受理編號有一位不對，請對照回執逐位核對</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="287" />
        <source>请输入回执上的 6 位查询码</source>
        <translation>請輸入回執上的 6 位查詢碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="288" />
        <source>查询码是 6 位字母或数字，请对照回执再看一下</source>
        <translation>查詢碼是 6 位字母或數字，請對照回執再看一下</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="293" />
        <source>办件查询</source>
        <translation>辦件查詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="294" />
        <source>请选择一种查询方式：</source>
        <translation>請選擇一種查詢方式：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="295" />
        <source>扫描回执二维码</source>
        <translation>掃描回執二維碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="297" />
        <source>把回执上的二维码对准扫码窗口，或放在高拍仪下面，会自动查询。在任何页面扫码都可以。</source>
        <translation>把回執上的二維碼對準掃碼窗口，或放在高拍儀下面，會自動查詢。在任何頁面掃碼都可以。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="299" />
        <location filename="../../ui/screens/status.py" line="301" />
        <source>输入受理编号查询</source>
        <translation>輸入受理編號查詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="299" />
        <source>受理编号和查询码都印在回执上</source>
        <translation>受理編號和查詢碼都印在回執上</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="300" />
        <source>刷身份证＋刷脸查询</source>
        <translation>刷身份證＋刷臉查詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="300" />
        <source>查看您本人的全部办件</source>
        <translation>查看您本人的全部辦件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="302" />
        <source>受理编号和查询码都印在回执上，二维码的旁边</source>
        <translation>受理編號和查詢碼都印在回執上，二維碼的旁邊</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="303" />
        <source>受理编号（HP 后面的 17 位数字）</source>
        <translation>受理編號（HP 後面的 17 位數字）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="304" />
        <source>查询码（6 位）</source>
        <translation>查詢碼（6 位）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="305" />
        <source>返回</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="306" />
        <source>查询</source>
        <translation>查詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="307" />
        <location filename="../../ui/screens/status.py" line="554" />
        <source>请补充以下材料</source>
        <translation>請補充以下材料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="308" />
        <source>再查一件</source>
        <translation>再查一件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="309" />
        <source>重试</source>
        <translation>重試</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="310" />
        <source>打印查询结果</source>
        <translation>打印查詢結果</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="319" />
        <source>请扫描回执上的二维码，或输入受理编号，也可以刷身份证和刷脸查询</source>
        <translation>請掃描回執上的二維碼，或輸入受理編號，也可以刷身份證和刷臉查詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="321" />
        <source>请输入回执上的受理编号和查询码，然后点“查询”</source>
        <translation>請輸入回執上的受理編號和查詢碼，然後點“查詢”</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="433" />
        <source>正在查询，请稍候……</source>
        <translation>正在查詢，請稍候……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="435" />
        <source>没有查到这件办件</source>
        <translation>沒有查到這件辦件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="437" />
        <source>没有查到您本人的办件记录。</source>
        <translation>沒有查到您本人的辦件記錄。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="439" />
        <source>请核对受理编号和查询码是否与回执一致。刚提交的办件，可能要过几分钟才能查到。</source>
        <translation>請核對受理編號和查詢碼是否與回執一致。剛提交的辦件，可能要過幾分鐘才能查到。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="442" />
        <source>暂时连不上办件系统</source>
        <translation>暫時連不上辦件系統</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="443" />
        <source>网络或系统暂时不通，现在查不到办理进度，请稍后再试。</source>
        <translation>網絡或系統暫時不通，現在查不到辦理進度，請稍後再試。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="445" />
        <source>没有读到身份证号码</source>
        <translation>沒有讀到身份證號碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="446" />
        <source>请点“再查一件”，重新刷身份证和刷脸，或者输入回执上的受理编号查询。</source>
        <translation>請點“再查一件”，重新刷身份證和刷臉，或者輸入回執上的受理編號查詢。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="448" />
        <source>这次没有查询成功</source>
        <translation>這次沒有查詢成功</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="449" />
        <source>请稍后再试，或拨打 12345 政务服务热线咨询。</source>
        <translation>請稍後再試，或撥打 12345 政務服務熱線諮詢。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/status.py" line="453" />
        <source>您本人共有 %n 件办件</source>
        <translation>
            <numerusform>您本人共有 %n 件辦件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="454" />
        <source>每件的办理进度如下。要看详细进度，请扫描该件回执上的二维码。</source>
        <translation>每件的辦理進度如下。要看詳細進度，請掃描該件回執上的二維碼。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="462" />
        <source>这件是在本机提交的，已经登记好，正在等网络恢复后自动送出，不需要重新提交。</source>
        <translation>這件是在本機提交的，已經登記好，正在等網絡恢復後自動送出，不需要重新提交。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="464" />
        <source>这件是在本机提交的，已经送达办件系统，网络恢复后就能查到进度。</source>
        <translation>這件是在本機提交的，已經送達辦件系統，網絡恢復後就能查到進度。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="483" />
        <location filename="../../ui/screens/status.py" line="531" />
        <location filename="../../ui/screens/status.py" line="547" />
        <source>受理编号：%1</source>
        <translation>受理編號：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/status.py" line="486" />
        <source>承诺办结时限：%n 个工作日</source>
        <translation>
            <numerusform>承諾辦結時限：%n 個工作日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="486" />
        <source>承诺办结时限：即办</source>
        <translation>承諾辦結時限：即辦</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="487" />
        <location filename="../../ui/screens/status.py" line="532" />
        <source>更新时间：%1</source>
        <translation>更新時間：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="490" />
        <source>说明：%1</source>
        <translation>説明：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="498" />
        <location filename="../../ui/screens/status.py" line="557" />
        <source>请邮寄到：%1</source>
        <translation>請郵寄到：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="502" />
        <location filename="../../ui/screens/status.py" line="559" />
        <source>EMS 邮件号：%1</source>
        <translation>EMS 郵件號：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="505" />
        <source>办理进度</source>
        <translation>辦理進度</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="515" />
        <source>（当前）</source>
        <translation>（當前）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="548" />
        <source>当前状态：%1</source>
        <translation>當前狀態：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="568" />
        <source>办件查询结果</source>
        <translation>辦件查詢結果</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="571" />
        <source>咨询电话 12345</source>
        <translation>諮詢電話 12345</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="577" />
        <source>正在打印，请稍候……</source>
        <translation>正在打印，請稍候……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="583" />
        <source>已打印，请在出纸口取走</source>
        <translation>已打印，請在出紙口取走</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="583" />
        <source>打印机暂时不能用，请用手机拍下本页</source>
        <translation>打印機暫時不能用，請用手機拍下本頁</translation>
    </message>
</context>
<context>
    <name>StepBar</name>
    <message>
        <location filename="../../ui/widgets/steps.py" line="32" />
        <source>核验身份</source>
        <translation>核驗身份</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/steps.py" line="32" />
        <source>提交材料</source>
        <translation>提交材料</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/steps.py" line="32" />
        <source>填写信息</source>
        <translation>填寫信息</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/steps.py" line="32" />
        <source>签名</source>
        <translation>簽名</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/steps.py" line="32" />
        <source>确认提交</source>
        <translation>確認提交</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../ui/chrome.py" line="77" />
        <source>⌂ 首页</source>
        <translation>⌂ 首頁</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="78" />
        <source>‹ 返回</source>
        <translation>‹ 返回</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="79" />
        <source>朗读</source>
        <translation>朗讀</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="80" />
        <source>结束办理</source>
        <translation>結束辦理</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="86" />
        <source>长辈版 ✓</source>
        <translation>長輩版 ✓</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="86" />
        <source>长辈版</source>
        <translation>長輩版</translation>
    </message>
</context>
<context>
    <name>TouchKeyboard</name>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="193" />
        <location filename="../../ui/widgets/keyboard.py" line="517" />
        <source>更多 ▶</source>
        <translation>更多 ▶</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="206" />
        <location filename="../../ui/widgets/keyboard.py" line="516" />
        <source>切换输入方式：拼音、字母、数字</source>
        <translation>切換輸入方式：拼音、字母、數字</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="208" />
        <location filename="../../ui/widgets/keyboard.py" line="512" />
        <source>空格</source>
        <translation>空格</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="210" />
        <location filename="../../ui/widgets/keyboard.py" line="513" />
        <source>删除</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="212" />
        <location filename="../../ui/widgets/keyboard.py" line="514" />
        <source>清空</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="214" />
        <location filename="../../ui/widgets/keyboard.py" line="523" />
        <source>确定</source>
        <translation>確定</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="523" />
        <source>换行</source>
        <translation>換行</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="491" />
        <source>输入拼音，点选汉字</source>
        <translation>輸入拼音，點選漢字</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="494" />
        <source>词库准备中，字母直接输入</source>
        <translation>詞庫準備中，字母直接輸入</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="497" />
        <source>字母、数字直接输入</source>
        <translation>字母、數字直接輸入</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="527" />
        <source>拼音</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="527" />
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="527" />
        <source>123</source>
        <translation>123</translation>
    </message>
</context>
</TS>
